using System.Text.RegularExpressions;
using Dossier.Core.Export;
using Dossier.Core.Model;

namespace Dossier.Core.Resolve;

/// <summary>Decides which mentions across the dossier name the same real-world entity, in steps
/// from the safest to the boldest:
/// 1. the same name, give or take accents, case, hyphens and honorifics ("M. Carter" = "Carter");
/// 2. an acronym the text declares ("État islamique (EI)") and known aliases ("Daech");
/// 3. spellings of a multi-word name with the same consonants ("Khalid" / "Khaled al-Obeidi");
/// 4. a surname alone, when one person of the dossier bears it (in the same article first);
/// 5. role phrases ("le chef du Pentagone"), given to whoever held the role at the article's date,
///    as the dossier's own appositions tell ("le chef du Pentagone Ashton Carter").</summary>
public static partial class EntityResolver
{
    private sealed record NameMention(int Document, EntityMention Mention, string Surface, string Key, string[] Tokens);

    public static IReadOnlyList<EntityGroup> Resolve(IReadOnlyList<ExportedDocument> documents)
    {
        var mentions = CollectNames(documents);
        var sets = new UnionFind(mentions.Count);
        var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (firstOfKey.TryGetValue(mentions[i].Key, out var first)) sets.Union(first, i);
            else firstOfKey[mentions[i].Key] = i;
        }
        JoinDeclaredAcronyms(documents, mentions, firstOfKey, sets);
        JoinKnownAliases(documents, mentions, firstOfKey, sets);
        JoinSpellingVariants(mentions, firstOfKey, sets);
        JoinSurnames(mentions, firstOfKey, sets);
        var types = MajorityTypes(mentions, sets);
        var roleMentions = ResolveRoles(documents, mentions, sets, types);
        return BuildGroups(documents, mentions, sets, types, roleMentions);
    }

    private static List<NameMention> CollectNames(IReadOnlyList<ExportedDocument> documents)
    {
        var list = new List<NameMention>();
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d].Document;
            var lexicon = ResolutionLexicon.For(document.Language);
            foreach (var mention in document.Entities)
            {
                if (document.LineAt(mention.Span.Start).Kind is not (LineKind.Content or LineKind.Title)) continue;
                var surface = document.Text.Substring(mention.Span.Start, mention.Span.Length);
                var tokens = NameKey.Of(surface).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var skip = 0;
                while (lexicon is not null && skip < tokens.Length - 1 && lexicon.Honorifics.Contains(tokens[skip])) skip++;
                tokens = tokens[skip..];
                if (tokens.Length == 0) continue;
                list.Add(new NameMention(d, mention, surface, string.Join(' ', tokens), tokens));
            }
        }
        return list;
    }

    private static void JoinDeclaredAcronyms(IReadOnlyList<ExportedDocument> documents, List<NameMention> mentions, Dictionary<string, int> firstOfKey, UnionFind sets)
    {
        foreach (var mention in mentions)
        {
            var text = documents[mention.Document].Document.Text;
            var declared = DeclaredAcronym().Match(text, mention.Mention.Span.End, Math.Min(14, text.Length - mention.Mention.Span.End));
            if (!declared.Success || mention.Tokens.Length < 2) continue;
            if (firstOfKey.TryGetValue(NameKey.Of(declared.Groups[1].Value), out var acronym))
                sets.Union(acronym, firstOfKey[mention.Key]);
        }
    }

    private static void JoinKnownAliases(IReadOnlyList<ExportedDocument> documents, List<NameMention> mentions, Dictionary<string, int> firstOfKey, UnionFind sets)
    {
        foreach (var mention in mentions)
        {
            var lexicon = ResolutionLexicon.For(documents[mention.Document].Document.Language);
            if (lexicon is not null && lexicon.Aliases.TryGetValue(mention.Key, out var name) && firstOfKey.TryGetValue(name, out var named))
                sets.Union(named, firstOfKey[mention.Key]);
        }
    }

    /// <summary>Transliterations vary in vowels ("Khalid"/"Khaled", "Qassem"/"Qasem" aside): multi-word
    /// names whose consonants match word by word are one name.</summary>
    private static void JoinSpellingVariants(List<NameMention> mentions, Dictionary<string, int> firstOfKey, UnionFind sets)
    {
        var bySkeleton = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, index) in firstOfKey)
        {
            var tokens = mentions[index].Tokens;
            if (tokens.Length < 2) continue;
            var skeleton = string.Join(' ', tokens.Select(Consonants));
            if (skeleton.Replace(" ", "", StringComparison.Ordinal).Length < 6) continue;
            if (bySkeleton.TryGetValue(skeleton, out var other)) sets.Union(other, index);
            else bySkeleton[skeleton] = index;
        }
    }

    private static string Consonants(string token) => string.Concat(token.Where(c => !"aeiouy".Contains(c, StringComparison.Ordinal)));

    /// <summary>"Carter" joins "Ashton Carter" when exactly one person of the article, or else of the
    /// dossier, has a name ending that way. A surname the tagger typed otherwise ("Dunford" as a
    /// place) joins only a person of its own article.</summary>
    private static void JoinSurnames(List<NameMention> mentions, Dictionary<string, int> firstOfKey, UnionFind sets)
    {
        var people = mentions.Where(m => m.Mention.Type == "PER" && m.Tokens.Length >= 2).ToList();
        foreach (var mention in mentions)
        {
            var candidates = people.Where(p => p.Tokens.Length > mention.Tokens.Length && EndsWith(p.Tokens, mention.Tokens)).ToList();
            if (candidates.Count == 0) continue;
            var sameDocument = candidates.Where(p => p.Document == mention.Document).Select(p => sets.Find(firstOfKey[p.Key])).Distinct().ToList();
            var anywhere = mention.Mention.Type == "PER" ? candidates.Select(p => sets.Find(firstOfKey[p.Key])).Distinct().ToList() : [];
            var chosen = sameDocument.Count == 1 ? sameDocument[0] : sameDocument.Count == 0 && anywhere.Count == 1 ? anywhere[0] : -1;
            if (chosen >= 0) sets.Union(chosen, firstOfKey[mention.Key]);
        }
    }

    private static bool EndsWith(string[] name, string[] tail)
    {
        for (var i = 1; i <= tail.Length; i++)
            if (!string.Equals(name[^i], tail[^i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>The type of an entity is the one its fullest names carry most often: a full name
    /// is typed more reliably than a surname or an acronym alone.</summary>
    private static Dictionary<int, string> MajorityTypes(List<NameMention> mentions, UnionFind sets) =>
        Enumerable.Range(0, mentions.Count).GroupBy(sets.Find).ToDictionary(g => g.Key, g =>
        {
            var longest = g.Max(i => mentions[i].Tokens.Length);
            return g.Where(i => mentions[i].Tokens.Length == longest).GroupBy(i => mentions[i].Mention.Type, StringComparer.Ordinal)
                .OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
        });

    private sealed record RoleMatch(int Document, TextSpan Span, string Role);

    private sealed record Apposition(string Role, int Entity, string? Date, int Document);

    /// <summary>Role phrases of every article, each given to the entity that held the role then.</summary>
    private static List<(int Entity, int Document, EntityMention Mention)> ResolveRoles(
        IReadOnlyList<ExportedDocument> documents, List<NameMention> mentions, UnionFind sets, Dictionary<int, string> types)
    {
        var roles = new List<RoleMatch>();
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d].Document;
            if (ResolutionLexicon.For(document.Language) is not { RolePattern: { } pattern } lexicon) continue;
            foreach (var line in document.Lines)
            {
                if (line.Kind is not (LineKind.Content or LineKind.Title)) continue;
                var text = document.LineText(line);
                foreach (Match match in pattern.Matches(text))
                {
                    var phrase = match.Groups["phrase"].Value.ToLowerInvariant().Replace('’', '\'');
                    if (lexicon.RoleOfPhrase.TryGetValue(phrase, out var role))
                        roles.Add(new RoleMatch(d, new TextSpan(line.Span.Start + match.Index, match.Length), role));
                }
            }
        }

        var people = new List<(NameMention Name, int Index)>();
        for (var i = 0; i < mentions.Count; i++)
            if (types[sets.Find(i)] == "PER") people.Add((mentions[i], i));
        var appositions = new List<Apposition>();
        foreach (var role in roles)
        {
            if (role.Role.EndsWith('*')) continue;
            var text = documents[role.Document].Document.Text;
            foreach (var (name, index) in people)
            {
                if (name.Document != role.Document) continue;
                var after = name.Mention.Span.Start - role.Span.End;
                var before = role.Span.Start - name.Mention.Span.End;
                if (after is >= 0 and <= 3 && IsSeparator(text, role.Span.End, name.Mention.Span.Start)
                    || before is >= 0 and <= 3 && IsSeparator(text, name.Mention.Span.End, role.Span.Start))
                    appositions.Add(new Apposition(role.Role, sets.Find(index), documents[role.Document].Document.Metadata.Published?.Value, role.Document));
            }
        }

        var resolved = new List<(int, int, EntityMention)>();
        foreach (var role in roles)
        {
            var holder = HolderOf(role, appositions, documents[role.Document].Document.Metadata.Published?.Value);
            if (holder >= 0) resolved.Add((holder, role.Document, new EntityMention(role.Span, "PER")));
        }
        return resolved;
    }

    private static bool IsSeparator(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i]) && text[i] != ',') return false;
        return true;
    }

    /// <summary>Who held the role for this article: from an apposition in the article itself; for a
    /// generic role, the one holder of that family in the article; else from appositions elsewhere,
    /// the one nearest in date (only a sole holder when the article is undated).</summary>
    private static int HolderOf(RoleMatch role, List<Apposition> appositions, string? date)
    {
        var generic = role.Role.EndsWith('*') ? role.Role[..^1] : null;
        bool Fits(Apposition a) => generic is null ? a.Role == role.Role : a.Role.StartsWith(generic, StringComparison.Ordinal);
        var inArticle = appositions.Where(a => a.Document == role.Document && Fits(a)).Select(a => a.Entity).Distinct().ToList();
        if (inArticle.Count == 1) return inArticle[0];
        if (inArticle.Count > 1 || generic is not null) return -1;
        var elsewhere = appositions.Where(Fits).ToList();
        var holders = elsewhere.Select(a => a.Entity).Distinct().ToList();
        if (holders.Count == 1) return holders[0];
        if (holders.Count == 0 || YearOf(date) is not { } year) return -1;
        var nearest = elsewhere.Where(a => YearOf(a.Date) is not null).OrderBy(a => Math.Abs(YearOf(a.Date)!.Value - year)).ToList();
        if (nearest.Count == 0) return -1;
        var best = Math.Abs(YearOf(nearest[0].Date)!.Value - year);
        var tied = nearest.Where(a => Math.Abs(YearOf(a.Date)!.Value - year) == best).Select(a => a.Entity).Distinct().ToList();
        return tied.Count == 1 ? tied[0] : -1;
    }

    private static int? YearOf(string? timex) =>
        timex is { Length: >= 4 } && int.TryParse(timex.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    private static List<EntityGroup> BuildGroups(IReadOnlyList<ExportedDocument> documents, List<NameMention> mentions, UnionFind sets,
        Dictionary<int, string> types, List<(int Entity, int Document, EntityMention Mention)> roles)
    {
        var members = new Dictionary<int, List<(int Document, EntityMention Mention, bool IsName)>>();
        var namesOf = new Dictionary<int, List<NameMention>>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var root = sets.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
                namesOf[root] = [];
            }
            list.Add((mentions[i].Document, mentions[i].Mention, true));
            namesOf[root].Add(mentions[i]);
        }
        foreach (var (entity, document, mention) in roles)
            members[entity].Add((document, mention, false));

        var groups = new List<EntityGroup>(members.Count);
        foreach (var root in members.Keys.Order())
        {
            var list = members[root].OrderBy(m => m.Document).ThenBy(m => m.Mention.Span.Start).ToList();
            string Surface((int Document, EntityMention Mention, bool IsName) m) =>
                documents[m.Document].Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length);
            var names = namesOf[root];
            var longest = names.Max(n => n.Tokens.Length);
            var name = names.Where(n => n.Tokens.Length == longest)
                .GroupBy(n => n.Surface, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            groups.Add(new EntityGroup($"e{groups.Count + 1}", name, types[root],
                list.Select(Surface).Distinct(StringComparer.Ordinal).ToArray(),
                list.Select(m => (documents[m.Document].Id, documents[m.Document].Document, m.Mention)).ToArray()));
        }
        return groups;
    }

    /// <summary>"(EI)" right after a name: an acronym the article declares for it.</summary>
    [GeneratedRegex(@"^\s*\(\s*(\p{Lu}[\p{Lu}\d]{1,7})\s*\)", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex DeclaredAcronym();
}
