using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Recognize;

public class QuantityRecognizerTests
{
    private static string Describe(AnalysedDocument document, Quantity q) =>
        $"{document.Text.Substring(q.Span.Start, q.Span.Length)} = {q.Value} {q.Unit} {q.Qualifier} {q.Role.ToString().ToLowerInvariant()}";

    private static string[] Quantities(string text)
    {
        var document = Samples.AnalyseText(text);
        return document.Quantities.Select(q => Describe(document, q)).ToArray();
    }

    [Fact]
    public void An_approximate_level_and_an_increment_in_one_sentence()
    {
        var document = Samples.Analyse("000_6d8b029ee740e503.txt");
        var quantity = document.Quantities.Single(q => q.Value == 4100);
        Assert.Equal("quelque 4 100 hommes", document.Text.Substring(quantity.Span.Start, quantity.Span.Length));
        Assert.Equal(171, quantity.Span.Start - document.Lines[9].Span.Start);
        Assert.Equal(
        [
            "200 hommes = 200 soldiers exact increment",
            "quelque 4 100 hommes = 4100 soldiers approx level",
            "jusqu'à 415 millions de dollars = 415000000 USD at_most level",
        ], document.Quantities.Select(q => Describe(document, q)));
    }

    [Fact]
    public void A_unit_given_after_the_figure_by_a_counting_phrase() =>
        Assert.Equal(["4650 le nombre de militaires = 4650 soldiers exact level"],
            Quantities("L'accroissement des effectifs portera à 4650 le nombre de militaires des Etats-Unis déployés en Irak."));

    [Fact]
    public void Withdrawals_are_movements_unless_denied() =>
        Assert.Equal(
        [
            "environ 1 000 soldats = 1000 soldiers approx movement",
            "plus de 5000 soldats = 5000 soldiers more_than level",
        ], Quantities("Les États-Unis ont retiré environ 1 000 soldats du nord de la Syrie.\nIls n'ont pas décidé de retirer plus de 5000 soldats."));

    [Fact]
    public void Years_dates_and_bare_numbers_are_not_quantities() =>
        Assert.Empty(Quantities("Depuis juin 2014 et l'attentat du 4 juillet, 3 des 12 ministres ont démissionné en 2016."));

    [Fact]
    public void English_figures_with_a_currency_sign_and_an_increment() =>
        Assert.Equal(
        [
            "up to $415 million = 415000000 USD at_most level",
            "200 more troops = 200 soldiers exact increment",
        ], Quantities("The Pentagon will provide up to $415 million to the Kurds and send 200 more troops."));

    [Theory]
    [InlineData("4 100", 4100)]
    [InlineData("3.900", 3900)]
    [InlineData("3,900", 3900)]
    [InlineData("2,5", 2.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("1 000 000", 1000000)]
    public void Thousands_groups_and_decimal_marks(string text, double value)
    {
        Assert.True(QuantityRecognizer.TryParse(text, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Fact]
    public void A_range_of_figures_keeps_both_ends_and_a_change_is_two_figures()
    {
        var document = Samples.AnalyseText("L'attaque a fait 220 à 250 morts selon les autorités, qui ont porté le bilan de 180 à 250 morts dans la soirée.");
        var range = document.Quantities[0];
        Assert.Equal("220 à 250 morts", document.Text.Substring(range.Span.Start, range.Span.Length));
        Assert.Equal((220.0, 250.0, "deaths", "at_least"), (range.Value, range.ValueMax!.Value, range.Unit, range.Qualifier));
        Assert.Equal(["250 morts = 250 deaths exact level"], document.Quantities.Skip(1).Select(q => Describe(document, q)));
        Assert.Null(document.Quantities[1].ValueMax);
    }

    [Fact]
    public void An_english_range_with_a_multiplier_on_its_high_end() =>
        Assert.Equal(["2 to 3 million dollars = 2000000..3000000 USD"],
            Samples.AnalyseText("The Pentagon will spend 2 to 3 million dollars on the base.") is var document
                ? document.Quantities.Select(q => $"{document.Text.Substring(q.Span.Start, q.Span.Length)} = {q.Value}..{q.ValueMax} {q.Unit}").ToArray() : []);
}
