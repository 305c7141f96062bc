using Dossier.Core.Recognize.Events;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;
using Dossier.Core.Recognize.Time;
using Dossier.Languages;

namespace Dossier.Core.Tests.Languages;

/// <summary>The data files of every language load, and a row the code does not know is an error
/// naming its file and line rather than a row silently ignored.</summary>
public class LanguageDataTests
{
    [Fact]
    public void EveryLanguageFolderLoads()
    {
        foreach (var code in LanguageData.Available)
        {
            Assert.NotEmpty(LanguageProfile.Get(code).Stopwords);
            Assert.NotNull(QuantityLexicon.For(code));
            if (LanguageData.ReadLines(code, TimeLexicon.FileName).Count > 0) Assert.NotNull(TimeLexicon.For(code));
            if (LanguageData.ReadLines(code, "events.tsv").Count > 0) Assert.NotNull(EventLexicon.For(code));
            Assert.NotNull(ResolutionLexicon.For(code));
        }
    }

    [Fact]
    public void SpanishIsDataOnly()
    {
        var time = TimeLexicon.For("es")!;
        Assert.Equal("es-es", time.Culture);
        Assert.Equal(3, time.Weekdays["miércoles"]);
        Assert.Equal(9, time.Months["setiembre"]);
        Assert.Equal(1_000_000, QuantityLexicon.For("es")!.Multipliers["millones"]);
    }

    [Fact]
    public void AnUnknownKindNamesItsFileAndLine()
    {
        var rows = DataRows.Parse("es/time.tsv", [(2, "trigger\tayer"), (5, "triger\thoy")]);
        Assert.Equal(["ayer"], rows.Of("trigger").Select(r => r.Text));
        var error = Assert.Throws<InvalidDataException>(rows.RejectUnknownKinds);
        Assert.StartsWith("es/time.tsv:5: unknown kind 'triger'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithoutTextNamesItsFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataRows.Parse("es/quantities.tsv", [(7, "unit")]));
        Assert.StartsWith("es/quantities.tsv:7: expected", error.Message, StringComparison.Ordinal);
    }
}
