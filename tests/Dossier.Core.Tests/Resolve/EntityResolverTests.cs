using System.Text.RegularExpressions;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Resolution on the five seed articles, with the mentions a tagger would give (every
/// occurrence of these names in content lines), so that these tests judge resolution alone.</summary>
public class EntityResolverTests
{
    private static readonly (string Name, string Type)[] TaggedNames =
    [
        ("Ashton Carter", "PER"), ("M. Carter", "PER"), ("Mark Esper", "PER"), ("M. Esper", "PER"),
        ("Haider Al-Abadi", "PER"), ("Khalid al-Obeidi", "PER"), ("Khaled al-Obeidi", "PER"), ("Joe Dunford", "PER"),
        ("Dunford", "PER"), ("Adel Abdul Mahdi", "PER"), ("Adel Abdul-Mahdi", "PER"), ("M. Abdul Mahdi", "PER"),
        ("Najah al-Shammari", "PER"), ("M. al-Shammari", "PER"), ("Qassem Soleimani", "PER"), ("Soleimani", "PER"),
        ("État islamique", "ORG"), ("Etat islamique", "ORG"), ("EI", "ORG"), ("Daech", "ORG"), ("Pentagone", "ORG"),
        ("Irak", "LOC"), ("Bagdad", "LOC"), ("Mossoul", "LOC"),
    ];

    private static readonly Lazy<IReadOnlyList<EntityGroup>> Entities = new(() =>
    {
        var documents = Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((path, i) => new ExportedDocument($"d{i + 1}", Tag(Samples.Analyse(Path.GetFileName(path)))))
            .ToList();
        return EntityResolver.Resolve(documents);
    });

    private static AnalysedDocument Tag(AnalysedDocument document)
    {
        var mentions = new List<EntityMention>();
        foreach (var (name, type) in TaggedNames)
        {
            foreach (Match m in Regex.Matches(document.Text, $@"(?<![\p{{L}}.]){Regex.Escape(name)}(?![\p{{L}}-])"))
            {
                if (document.LineAt(m.Index).Kind != LineKind.Content) continue;
                if (mentions.Any(x => x.Span.Overlaps(new TextSpan(m.Index, m.Length)))) continue;
                mentions.Add(new EntityMention(new TextSpan(m.Index, m.Length), type));
            }
        }
        document.Entities = mentions.OrderBy(m => m.Span.Start).ToArray();
        return document;
    }

    private static EntityGroup EntityOf(string surface) => Entities.Value.Single(e => e.Aliases.Contains(surface));

    private static EntityGroup EntityAt(string file, string lineStart, string surface)
    {
        return Entities.Value.Single(e => e.Mentions.Any(m =>
            Path.GetFileName(m.Document.Source.Path) == file
            && m.Document.LineText(m.Document.LineAt(m.Mention.Span.Start)).StartsWith(lineStart, StringComparison.Ordinal)
            && m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == surface));
    }

    [Fact]
    public void Honorifics_and_surnames_join_the_full_name()
    {
        var carter = EntityOf("Ashton Carter");
        Assert.Equal("Ashton Carter", carter.Name);
        Assert.Equal("PER", carter.Type);
        Assert.Contains("M. Carter", carter.Aliases);
        Assert.Same(EntityOf("Joe Dunford"), EntityOf("Dunford"));
        Assert.Same(EntityOf("Najah al-Shammari"), EntityOf("M. al-Shammari"));
        Assert.Same(EntityOf("Qassem Soleimani"), EntityOf("Soleimani"));
    }

    [Fact]
    public void Transliterations_and_hyphenation_of_one_name_are_one_person()
    {
        Assert.Same(EntityOf("Khalid al-Obeidi"), EntityOf("Khaled al-Obeidi"));
        var mahdi = EntityOf("Adel Abdul Mahdi");
        Assert.Same(mahdi, EntityOf("Adel Abdul-Mahdi"));
        Assert.Same(mahdi, EntityOf("M. Abdul Mahdi"));
        Assert.NotSame(EntityOf("Ashton Carter"), EntityOf("Mark Esper"));
    }

    [Fact]
    public void A_declared_acronym_a_known_alias_and_an_unaccented_spelling_join_the_organisation()
    {
        var ei = EntityOf("État islamique");
        Assert.Equal("ORG", ei.Type);
        Assert.Same(ei, EntityOf("EI"));
        Assert.Same(ei, EntityOf("Daech"));
        Assert.Same(ei, EntityOf("Etat islamique"));
        Assert.NotSame(ei, EntityOf("Pentagone"));
    }

    [Fact]
    public void Role_phrases_go_to_whoever_held_the_role_at_the_article_date()
    {
        // 2016: the appositions "Le chef du Pentagone Ashton Carter" and "le secrétaire américain à la Défense, Ashton Carter".
        Assert.Equal("Ashton Carter", EntityAt("000_6d8b029ee740e503.txt", "Au cours de sa visite", "le chef du Pentagone").Name);
        Assert.Equal("Ashton Carter", EntityAt("002_888d00f59fb284be.txt", "\"Nous prévoyons", "le secrétaire à la Défense").Name);
        // 2019: "Le secrétaire américain à la Défense Mark Esper" in the same article.
        Assert.Equal("Mark Esper", EntityAt("003_d61757c6b4a146bb.txt", "Toujours sur sa page Twitter", "le chef du Pentagone").Name);
        Assert.Equal("Mark Esper", EntityAt("003_d61757c6b4a146bb.txt", "La visite du ministre", "ministre américain").Name);
    }
}

public class NameKeyTests
{
    [Theory]
    [InlineData("États-Unis", "etats unis")]
    [InlineData("Etats-Unis", "etats unis")]
    [InlineData("ÉTAT islamique", "etat islamique")]
    [InlineData("Adel Abdul-Mahdi", "adel abdul mahdi")]
    [InlineData("l'Irak", "l irak")]
    [InlineData("Ağca", "agca")]
    [InlineData("  Mossoul. ", "mossoul")]
    public void Accents_case_and_punctuation_do_not_count(string name, string key) => Assert.Equal(key, NameKey.Of(name));
}
