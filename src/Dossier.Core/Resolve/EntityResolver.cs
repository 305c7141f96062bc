using Dossier.Languages;
using System.Text.RegularExpressions;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Entities;

namespace Dossier.Core.Resolve;

/// <summary>Decides which mentions across the dossier name the same real-world entity, in steps
/// from the safest to the boldest:
/// 1. the same name, give or take accents, case, hyphens, honorifics ("M. Carter" = "Carter"),
///    particles and transliterations ("Kadhafi" = "Gaddafi", <see cref="NameVariants"/>);
/// 2. an acronym the text declares ("État islamique (EI)") and known aliases ("Daech");
/// 3. spellings of a multi-word name close in cost within a block ("Bani Walid" / "Beni Oulid");
/// 4. a surname alone, when one person of the dossier bears it (in the same article first), a first
///    name alone, when one person of the article bears it, and a word that begins or ends one longer
///    name of the article ("Assemblée", "Concorde");
/// 5. role phrases ("le chef du Pentagone"), given to whoever held the role at the article's date:
///    by the article's own apposition ("le chef du Pentagone Ashton Carter"), else by the one holder
///    of role-holders.tsv whose term covers the date, else by appositions in other articles.
/// Every join records its reason (<see cref="EntityGroup.Reasons"/>).</summary>
public static partial class EntityResolver
{
    private sealed record NameMention(int Document, EntityMention Mention, string Surface, string Key, string[] Tokens, string Variant)
    {
        /// <summary>An acronym ("CNT", "EI") is joined by what it stands for, not by its letters alone.</summary>
        public bool IsAcronym => Tokens.Length == 1 && Surface.Length <= 8 && Surface.All(c => char.IsUpper(c) || c == '.');
    }

    /// <summary>The entities of a set of documents. The result is a function of the set, not of the
    /// order the documents came in: they are read in an order of their own (by publication date, then
    /// text), so that where a step keeps the first of several mentions (the one standing for a name,
    /// the first declaration of an acronym), that first is the same whichever document was stored first.</summary>
    public static IReadOnlyList<EntityGroup> Resolve(IReadOnlyList<ExportedDocument> given)
    {
        // given[arrival[d]] is documents[d]; the entities are handed back in the order given.
        var arrival = Enumerable.Range(0, given.Count).OrderBy(d => given[d].Document.Metadata.Published?.Value, StringComparer.Ordinal)
            .ThenBy(d => given[d].Document.Text, StringComparer.Ordinal).ToArray();
        var documents = arrival.Select(d => given[d]).ToArray();
        var mentions = CollectNames(documents);
        var sets = new UnionFind(mentions.Count);
        var log = new MergeLog(mentions.Count);
        var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstOfVariant = new Dictionary<string, int>(StringComparer.Ordinal);
        var surnames = Bearers(mentions, words => words[^1]);
        var firstNames = Bearers(mentions, words => words[0]);
        for (var i = 0; i < mentions.Count; i++)
        {
            // A surname or a first name alone is joined by who bears it (JoinSurnames, JoinFirstNames),
            // not by its spelling: "Carter" is Ashton Carter in one story and Jimmy Carter in another.
            if (mentions[i].IsAcronym || mentions[i].Tokens.Length == 1 && surnames.ContainsKey(mentions[i].Variant)
                || IsFirstNameAlone(mentions[i], firstNames, surnames)) continue;
            if (firstOfKey.TryGetValue(mentions[i].Key, out var first)) sets.Union(first, i);
            else firstOfKey[mentions[i].Key] = i;
            if (firstOfVariant.TryGetValue(mentions[i].Variant, out var variant))
                Join(sets, log, variant, i, $"{mentions[i].Surface} = {mentions[variant].Surface}: same name in another spelling (key \"{mentions[i].Variant}\")");
            else firstOfVariant[mentions[i].Variant] = i;
        }
        JoinDeclaredAcronyms(documents, mentions, firstOfKey, sets, log);
        JoinKnownAliases(documents, mentions, sets, log);
        JoinSpellingVariants(mentions, firstOfVariant, sets, log);
        JoinSurnames(mentions, surnames, firstOfKey, sets, log);
        JoinFirstNames(mentions, firstNames, surnames, firstOfKey, sets, log);
        JoinShortForms(documents, mentions, firstOfKey, sets, log);
        var counts = Enumerable.Range(0, mentions.Count).GroupBy(sets.Find)
            .ToDictionary(g => g.Key, g => NameCount.Tally(g.Select(i => CountOf(documents[mentions[i].Document].Document, mentions[i]))));
        var chosen = counts.ToDictionary(c => c.Key, c => NameCount.Choose(c.Value));
        var types = chosen.ToDictionary(c => c.Key, c => c.Value.Type);
        var roleMentions = ResolveRoles(documents, mentions, sets, types);
        return BuildGroups(documents, arrival, mentions, sets, counts, chosen, roleMentions, log);
    }

    private static void Join(UnionFind sets, MergeLog log, int a, int b, string reason)
    {
        if (sets.Find(a) == sets.Find(b)) return;
        sets.Union(a, b);
        log.Add(a, reason);
    }

    private static List<NameMention> CollectNames(ExportedDocument[] documents)
    {
        var list = new List<NameMention>();
        for (var d = 0; d < documents.Length; d++)
        {
            var document = documents[d].Document;
            var lexicon = ResolutionLexicon.For(document.Language);
            foreach (var mention in document.Entities)
                if (NameOf(d, document, lexicon, mention) is { } name) list.Add(name);
        }
        return list;
    }

    /// <summary>A mention of a content or title line as a name to resolve, or null.</summary>
    private static NameMention? NameOf(int d, AnalysedDocument document, ResolutionLexicon? lexicon, EntityMention mention)
    {
        if (document.LineAt(mention.Span.Start).Kind is not (LineKind.Content or LineKind.Title)) return null;
        var surface = document.Text.Substring(mention.Span.Start, mention.Span.Length);
        var tokens = NameKey.Of(surface).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        while (lexicon is not null && skip < tokens.Length - 1 && lexicon.Honorifics.Contains(tokens[skip])) skip++;
        // An initial is no name of its own: "N. Sarkozy" is Sarkozy, "George W. Bush" George Bush;
        // a number is part of the name: "France 2" is a channel, not France.
        tokens = tokens[skip..].Where(t => t.Length > 1 || char.IsDigit(t[0])).ToArray() is { Length: > 0 } named ? named : tokens[skip..];
        if (tokens.Length == 0) return null;
        var key = string.Join(' ', tokens);
        return new NameMention(d, mention, surface, key, tokens, NameVariants.KeyOf(key));
    }

    /// <summary>What the name mention of a document at <paramref name="span"/> counts towards its
    /// entity's name and type; null for a role phrase or any span that is not a resolved name.</summary>
    public static NameCount? CountOf(AnalysedDocument document, TextSpan span)
    {
        foreach (var mention in document.Entities)
            if (mention.Span == span)
                return NameOf(0, document, ResolutionLexicon.For(document.Language), mention) is { } name ? CountOf(document, name) : null;
        return null;
    }

    private static NameCount CountOf(AnalysedDocument document, NameMention name) =>
        new(name.Surface, name.Tokens.Length, name.Mention.Type, KnownType(document, name), 1);

    /// <summary>"Conseil national de transition (CNT)": the acronym is that name in the article that
    /// declares it, and in every other article of the dossier when the dossier declares it for one
    /// name only (two stories may use "CNT" for two bodies). An acronym declared nowhere is one
    /// entity per spelling, with the same letters written as a word ("UNEF", "Unef").</summary>
    private static void JoinDeclaredAcronyms(ExportedDocument[] documents, List<NameMention> mentions, Dictionary<string, int> firstOfKey,
        UnionFind sets, MergeLog log)
    {
        var declared = new Dictionary<(int Document, string Acronym), int>();
        var expansions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var expansionOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (mention.Tokens.Length < 2) continue;
            var text = documents[mention.Document].Document.Text;
            var match = DeclaredAcronym().Match(text, mention.Mention.Span.End, Math.Min(14, text.Length - mention.Mention.Span.End));
            if (!match.Success) continue;
            if (!StandsFor(match.Groups[1].Value, mention)) continue;
            var acronym = NameKey.Of(match.Groups[1].Value);
            var expansion = firstOfKey[mention.Key];
            declared.TryAdd((mention.Document, acronym), expansion);
            if (!expansions.TryGetValue(acronym, out var names)) expansions[acronym] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(mentions[expansion].Variant);
            expansionOf.TryAdd(acronym, expansion);
        }
        var firstOfAcronym = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (!mention.IsAcronym) continue;
            if (declared.TryGetValue((mention.Document, mention.Key), out var here))
                Join(sets, log, here, i, $"{mention.Surface} = {mentions[here].Surface}: acronym declared in the article");
            else if (expansions.TryGetValue(mention.Key, out var names) && names.Count == 1)
                Join(sets, log, expansionOf[mention.Key], i, $"{mention.Surface} = {mentions[expansionOf[mention.Key]].Surface}: the only name the dossier declares this acronym for");
            else if (expansions.ContainsKey(mention.Key)) continue;
            else if (firstOfAcronym.TryGetValue(mention.Key, out var first)) sets.Union(first, i);
            else
            {
                firstOfAcronym[mention.Key] = i;
                if (firstOfKey.TryGetValue(mention.Key, out var word))
                    Join(sets, log, word, i, $"{mention.Surface} = {mentions[word].Surface}: the same letters in capitals");
            }
        }
    }

    /// <summary>An acronym in brackets after a name stands for it only when it starts with the name's
    /// first letter ("l'État islamique (EI)", "Parti des travailleurs du Kurdistan (PKK)"), and after a
    /// person's name only when it is the initials of every part ("Dominique Strauss-Kahn (DSK)"):
    /// there the brackets usually hold the party ("Laurent Wauquiez (LR)", "Jean-Luc Mélenchon (LFI)").</summary>
    private static bool StandsFor(string acronym, NameMention name) =>
        name.Mention.Type == "PER" ? string.Equals(Initials(name.Surface), acronym, StringComparison.Ordinal) : StartsAlike(acronym, name.Surface);

    private static string Initials(string name) =>
        string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(part => char.IsUpper(part[0])).Select(part => BaseLetter(part[0])));

    /// <summary>The acronym starts with the name's first letter; an elided article the name starts
    /// with is not its first letter.</summary>
    private static bool StartsAlike(string acronym, string name)
    {
        var elision = name.AsSpan(0, Math.Min(3, name.Length)).IndexOfAny(Apostrophes);
        var first = name.AsSpan(elision + 1).IndexOfAnyExcept(OpeningMarks) is var at and >= 0 ? elision + 1 + at : -1;
        return first >= 0 && BaseLetter(acronym[0]) == BaseLetter(name[first]);
    }

    private static readonly System.Buffers.SearchValues<char> Apostrophes = System.Buffers.SearchValues.Create("'’");

    private static readonly System.Buffers.SearchValues<char> OpeningMarks = System.Buffers.SearchValues.Create("\"'«“‘ ");

    private static char BaseLetter(char c) => char.ToUpperInvariant(c.ToString().Normalize(System.Text.NormalizationForm.FormD)[0]);

    /// <summary>Known other names (aliases.tsv): every name of one line joins, whether or not the
    /// name it stands for is in the dossier ("Alliance atlantique", "OTAN").</summary>
    private static void JoinKnownAliases(ExportedDocument[] documents, List<NameMention> mentions, UnionFind sets, MergeLog log)
    {
        var firstOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var lexicon = ResolutionLexicon.For(documents[mentions[i].Document].Document.Language);
            if (lexicon is null) continue;
            var name = lexicon.Aliases.GetValueOrDefault(mentions[i].Key) ?? (lexicon.AliasedNames.Contains(mentions[i].Key) ? mentions[i].Key : null);
            if (name is null) continue;
            if (firstOfName.TryGetValue(name, out var first))
                Join(sets, log, first, i, $"{mentions[i].Surface} = {mentions[first].Surface}: known alias ({documents[mentions[i].Document].Document.Language}/aliases.tsv)");
            else firstOfName[name] = i;
        }
    }

    /// <summary>Names of several words whose variant keys fall in one block (<see cref="NameVariants"/>)
    /// and are close enough, with the same type, are one name ("Bani Walid", "Beni Oulid").</summary>
    private static void JoinSpellingVariants(List<NameMention> mentions, Dictionary<string, int> firstOfVariant, UnionFind sets, MergeLog log)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (variant, index) in firstOfVariant)
        {
            if (!variant.Contains(' ', StringComparison.Ordinal)) continue;
            var block = NameVariants.BlockOf(variant);
            if (!blocks.TryGetValue(block, out var members)) blocks[block] = members = [];
            members.Add(index);
        }
        foreach (var members in blocks.Values)
        {
            members.Sort();
            for (var a = 0; a < members.Count; a++)
                for (var b = a + 1; b < members.Count; b++)
                {
                    var (x, y) = (mentions[members[a]], mentions[members[b]]);
                    if (x.Mention.Type != y.Mention.Type || !NameVariants.AreVariants(x.Variant, y.Variant)) continue;
                    Join(sets, log, members[a], members[b],
                        $"{y.Surface} = {x.Surface}: spellings of one name (cost {NameVariants.Cost(x.Variant, y.Variant).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)})");
                }
        }
    }

    /// <summary>"Carter" joins "Ashton Carter" when exactly one person of the article, or else of the
    /// dossier, has a name ending that way (in any spelling: "Khadafi" joins "Mouammar Kadhafi"), or
    /// when one of the dossier's bearers is named in full in far more articles than the others together
    /// ("Macron" is Emmanuel Macron beside a few articles on Brigitte Macron). A surname the tagger typed
    /// otherwise ("Dunford" as a place) joins only a person of its own article. Longer names are joined
    /// first, so that "Luc Mélenchon" is Jean-Luc Mélenchon before "Mélenchon" counts who bears the name.</summary>
    private static void JoinSurnames(List<NameMention> mentions, Dictionary<string, List<Bearer>> bearersByLastWord, Dictionary<string, int> firstOfKey,
        UnionFind sets, MergeLog log)
    {
        var unresolved = new Dictionary<(int Document, string Variant), int>();
        foreach (var i in Enumerable.Range(0, mentions.Count).OrderByDescending(i => mentions[i].Tokens.Length))
        {
            var mention = mentions[i];
            var words = VariantWords(mention);
            if (!bearersByLastWord.TryGetValue(words[^1], out var bearers)) continue;
            var candidates = bearers.Where(b => b.Words.Length > words.Length && EndsWith(b.Words, words)).ToList();
            if (candidates.Count == 0) continue;
            var inArticle = candidates.Where(b => b.Documents.Contains(mention.Document)).ToList();
            var bearing = Prominent(inArticle.Count > 0 ? inArticle : mention.Mention.Type == "PER" ? candidates : [], sets, firstOfKey);
            if (bearing.Entity >= 0)
                Join(sets, log, bearing.Entity, i, $"{mention.Surface} = {mentions[bearing.Entity].Surface}: "
                    + (bearing.Alone ? "the one person " : "the person named in full in far the most articles, ") + (inArticle.Count > 0 ? "of the article" : "of the dossier") + " with that surname");
            else if (mention.Tokens.Length == 1 && unresolved.TryGetValue((mention.Document, mention.Variant), out var same)) sets.Union(same, i);
            else if (mention.Tokens.Length == 1) unresolved[(mention.Document, mention.Variant)] = i;
        }
    }

    /// <summary>A person's first name written alone ("Emmanuel"), that is no surname of the dossier.</summary>
    private static bool IsFirstNameAlone(NameMention mention, Dictionary<string, List<Bearer>> firstNames, Dictionary<string, List<Bearer>> surnames) =>
        mention.Tokens.Length == 1 && mention.Mention.Type == "PER" && !mention.IsAcronym
        && firstNames.ContainsKey(mention.Variant) && !surnames.ContainsKey(mention.Variant);

    /// <summary>"Je l'appelle Emmanuel" in an article on Emmanuel Macron: a first name alone is the one
    /// person of its article named in full with it. Where the article names none or several, the
    /// first name is one entity with its other such mentions in the dossier ("Emmanuel", a witness).</summary>
    private static void JoinFirstNames(List<NameMention> mentions, Dictionary<string, List<Bearer>> firstNames, Dictionary<string, List<Bearer>> surnames,
        Dictionary<string, int> firstOfKey, UnionFind sets, MergeLog log)
    {
        var unresolved = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (!IsFirstNameAlone(mention, firstNames, surnames)) continue;
            var bearers = firstNames[mention.Variant].Where(b => b.Documents.Contains(mention.Document)).Select(b => sets.Find(firstOfKey[b.Key])).Distinct().ToList();
            if (bearers.Count == 1)
                Join(sets, log, bearers[0], i, $"{mention.Surface} = {mentions[bearers[0]].Surface}: the one person of the article with that first name");
            else if (unresolved.TryGetValue(mention.Variant, out var same)) sets.Union(same, i);
            else unresolved[mention.Variant] = i;
        }
    }

    /// <summary>"l'Assemblée" after "l'Assemblée nationale", "la Concorde" after "place de la Concorde": a
    /// one-word name that is no person's, no acronym and no name the gazetteer knows joins the one name
    /// of its article, of its type, that it heads (an organisation head, org-heads.txt) or that it ends
    /// after a place head (place-heads.txt), when every article it is written in has that one name.</summary>
    private static void JoinShortForms(ExportedDocument[] documents, List<NameMention> mentions, Dictionary<string, int> firstOfKey, UnionFind sets, MergeLog log)
    {
        var longer = new Dictionary<(int Document, string Word, string Type), HashSet<string>>();
        foreach (var name in mentions)
        {
            if (name.Mention.Type == "PER" || name.Tokens.Length < 2) continue;
            var lexicon = Recognize.Entities.NameLexicon.For(documents[name.Document].Document.Language);
            var first = name.Surface.Split(' ')[0];
            var words = VariantWords(name);
            var word = lexicon.OrganisationHeads.Contains(first) ? words[0]
                : char.IsLower(first[0]) && lexicon.HeadTypeOf(first) == "LOC" ? words[^1] : null;
            if (word is null) continue;
            if (!longer.TryGetValue((name.Document, word, name.Mention.Type), out var keys)) longer[(name.Document, word, name.Mention.Type)] = keys = [];
            keys.Add(name.Key);
        }
        // Every mention of one name is one entity already, so the name joins only when each of its
        // articles points to the same longer name: "République" of "place de la République" in one
        // article is also the "République" of "présidents de la République" in others.
        var target = new Dictionary<string, (int Entity, int Mention)>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Tokens.Length != 1 || mention.Mention.Type == "PER" || mention.IsAcronym
                || Recognize.Entities.NameGazetteer.For(documents[mention.Document].Document.Language).TypeOf(mention.Key) is not null) continue;
            var entities = longer.TryGetValue((mention.Document, mention.Variant, mention.Mention.Type), out var keys)
                ? keys.Select(k => sets.Find(firstOfKey[k])).Distinct().ToList() : [];
            var entity = entities.Count == 1 ? entities[0] : -1;
            target[mention.Key] = target.TryGetValue(mention.Key, out var before) && before.Entity != entity ? (-1, i) : (entity, i);
        }
        foreach (var (entity, i) in target.Values)
            if (entity >= 0)
                Join(sets, log, entity, i, $"{mentions[i].Surface} = {mentions[entity].Surface}: the name it heads, or ends after a place head, in each of its articles");
    }

    /// <summary>The entity of the bearers of a surname: theirs when they are one, else the one named in
    /// full in <see cref="ProminentBearer"/> times more articles than the others together; -1 when none is.</summary>
    private static (int Entity, bool Alone) Prominent(List<Bearer> bearers, UnionFind sets, Dictionary<string, int> firstOfKey)
    {
        var entities = bearers.GroupBy(b => sets.Find(firstOfKey[b.Key]))
            .Select(g => (Entity: g.Key, Articles: g.SelectMany(b => b.Documents).Distinct().Count())).OrderByDescending(g => g.Articles).ToList();
        if (entities.Count == 0) return (-1, false);
        return entities[0].Articles >= ProminentBearer * entities.Skip(1).Sum(g => g.Articles) ? (entities[0].Entity, entities.Count == 1) : (-1, false);
    }

    /// <summary>How many times more articles name one bearer of a surname in full than name all the
    /// others, for the surname alone in an article that names none of them to be that bearer.</summary>
    private const int ProminentBearer = 5;

    /// <summary>A name of several words borne by a person: its key, its words in variant form and
    /// the articles it is written in.</summary>
    private sealed record Bearer(string Key, string[] Words, HashSet<int> Documents);

    /// <summary>People named in several words, one entry per name, by the variant key of one of their
    /// words (the last: surnames; the first: first names). A word that, written alone, is more often a
    /// place or an organisation than a person is no surname in this dossier: one "Attac France" typed
    /// as a person does not make every "France" a surname to be joined article by article.</summary>
    private static Dictionary<string, List<Bearer>> Bearers(List<NameMention> mentions, Func<string[], string> wordOf)
    {
        var aloneAsPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alone in mentions)
            if (alone.Tokens.Length == 1)
                aloneAsPerson[alone.Variant] = aloneAsPerson.GetValueOrDefault(alone.Variant) + (alone.Mention.Type == "PER" ? 1 : -1);
        var byWord = new Dictionary<string, List<Bearer>>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Bearer>(StringComparer.Ordinal);
        foreach (var person in mentions)
        {
            if (person.Mention.Type != "PER" || person.Tokens.Length < 2) continue;
            var words = VariantWords(person);
            var word = wordOf(words);
            if (aloneAsPerson.GetValueOrDefault(word) < 0) continue;
            if (!byKey.TryGetValue(person.Key, out var bearer))
            {
                byKey[person.Key] = bearer = new Bearer(person.Key, words, []);
                if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = [];
                list.Add(bearer);
            }
            bearer.Documents.Add(person.Document);
        }
        return byWord;
    }

    private static string[] VariantWords(NameMention mention) => mention.Variant.Split(' ');

    private static bool EndsWith(string[] name, string[] tail)
    {
        for (var i = 1; i <= tail.Length; i++)
            if (!string.Equals(name[^i], tail[^i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>The type known for a mention: the gazetteer's, of the name as written ("Le Parisien"), else
    /// with the article written before it ("le Figaro", "l'Express"), else of its key (without honorifics
    /// and initials); else an organisation when an organisation's head noun is written right before it ("le
    /// laboratoire Sanofi", "l'assureur Axa": a row of type-triggers.tsv of <see cref="HeadNounVotes"/> votes or
    /// more), which the tagger's guesses at other mentions do not outweigh; null when none is known. A place's
    /// head noun is left to its article's votes: "la province de Batman" and "le département du César" name
    /// a town and a region where other articles name a hero and an award. A name whose own first word, past an
    /// article, is an organisation's head (org-heads.txt: "le Journal du dimanche", "Radio France") is an
    /// organisation's. Only a name
    /// that the article does not take for a person is so typed; a head noun completing a person's title
    /// ("le patron du parti Laurent Wauquiez") says nothing (<see cref="Recognize.Entities.NameGazetteer.TriggerBefore"/>),
    /// and a title itself is no evidence: the name after it is as often the person's party ("le président
    /// MoDem", "l'ancien ministre LR").</summary>
    private static string? KnownType(AnalysedDocument document, NameMention mention)
    {
        var gazetteer = Recognize.Entities.NameGazetteer.For(document.Language);
        var start = mention.Mention.Span.Start;
        return gazetteer.TypeOf(NameKey.Of(mention.Surface))
            ?? (WithArticleBefore(document, mention.Mention.Span) is { } withArticle ? gazetteer.TypeOf(NameKey.Of(withArticle)) : null)
            ?? gazetteer.TypeOf(mention.Key)
            ?? (mention.Mention.Type != "PER" && char.IsUpper(mention.Surface[0])
                && !NameGoesOn(document.Text, mention.Mention.Span.End)
                && gazetteer.TriggerBefore(document.Text, start, document.LineAt(start).Span.Start, Recognize.Entities.NameLexicon.For(document.Language))
                is { Type: "ORG", Votes: >= HeadNounVotes } headNoun ? headNoun.Type : null)
            ?? (mention.Mention.Type != "PER" && Recognize.Entities.NameLexicon.For(document.Language).HeadTypeOf(FirstWordPastArticle(document, mention.Surface)) is "ORG"
                ? "ORG" : null);
    }

    /// <summary>The first word of a name, past an article it starts with ("le Journal du dimanche", "l'Agence
    /// France-Presse"): an organisation's head noun there makes the name an organisation's as surely as one
    /// written before it does.</summary>
    private static string FirstWordPastArticle(AnalysedDocument document, string surface)
    {
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ResolutionLexicon.For(document.Language) is not { } lexicon || words.Length == 0) return surface;
        if (words.Length > 1 && lexicon.Articles.Contains(words[0])) return words[1];
        var elided = words[0].IndexOfAny(['\'', '’']) + 1;
        return elided > 0 && lexicon.Articles.Contains(words[0][..elided].Replace('’', '\'')) ? words[0][elided..] : words[0];
    }

    /// <summary>Whether a capitalised word follows the mention: the tagger cut a longer name there ("le journal Portland
    /// Tribune", "le magazine Hollywood Reporter"), whose head noun says nothing of the word it kept.</summary>
    private static bool NameGoesOn(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);

    /// <summary>The votes of a head noun or a title in type-triggers.tsv; a preposition has fewer ("à": one).</summary>
    private const int HeadNounVotes = 2;

    /// <summary>"le Figaro", "l'Express": the name with the definite article written right before it, or null.</summary>
    private static string? WithArticleBefore(AnalysedDocument document, TextSpan span)
    {
        if (ResolutionLexicon.For(document.Language) is not { } lexicon) return null;
        var text = document.Text;
        var end = span.Start > 0 && text[span.Start - 1] == ' ' ? span.Start - 1 : span.Start;
        var start = end;
        while (start > 0 && end - start < 4 && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '’')) start--;
        return start < end && lexicon.Articles.Contains(text[start..end].Replace('’', '\'')) ? text[start..span.End] : null;
    }

    private sealed record RoleMatch(int Document, TextSpan Span, string Role, bool NamedOnly);

    private sealed record Apposition(string Role, int Entity, string? Date, int Document, bool NamedOnly);

    /// <summary>Role phrases of every article, each given to the entity that held the role then.</summary>
    private static List<(int Entity, int Document, EntityMention Mention, string Role)> ResolveRoles(
        ExportedDocument[] documents, List<NameMention> mentions, UnionFind sets, Dictionary<int, string> types)
    {
        var roles = new List<RoleMatch>();
        for (var d = 0; d < documents.Length; d++)
            foreach (var (span, role, namedOnly) in RolePhrases(documents[d].Document))
                roles.Add(new RoleMatch(d, span, role, namedOnly));

        var people = new List<(NameMention Name, int Index)>();
        var peopleOf = new Dictionary<int, List<(NameMention Name, int Index)>>();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (types[sets.Find(i)] != "PER") continue;
            people.Add((mentions[i], i));
            if (!peopleOf.TryGetValue(mentions[i].Document, out var here)) peopleOf[mentions[i].Document] = here = [];
            here.Add((mentions[i], i));
        }
        var entityOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, index) in people) entityOfName.TryAdd(name.Variant, sets.Find(index));
        var appositions = new List<Apposition>();
        // Phrases naming no country in apposition with someone the holders of the day are not ("le Premier
        // ministre Rami Hamdallah"): that person's role, another country's.
        var heldElsewhere = new HashSet<RoleMatch>();
        foreach (var role in roles)
        {
            if (role.Role.EndsWith('*') || !peopleOf.TryGetValue(role.Document, out var named)) continue;
            var document = documents[role.Document].Document;
            var date = document.Metadata.Published?.Value;
            var stated = StatedHolder(document.Language, role.Role, date, entityOfName);
            foreach (var (name, index) in named)
            {
                var after = name.Mention.Span.Start - role.Span.End;
                var before = role.Span.Start - name.Mention.Span.End;
                if (!(after is >= 0 and <= 3 && IsSeparator(document.Text, role.Span.End, name.Mention.Span.Start)
                    || before is >= 0 and <= 3 && IsSeparator(document.Text, name.Mention.Span.End, role.Span.Start))) continue;
                // "nouveau président des États-Unis, Manuel Valls a tancé": a name next to a role phrase
                // is no holder when the role holders of the day name someone else.
                if (stated is { } holder && holder != sets.Find(index))
                {
                    if (role.NamedOnly) heldElsewhere.Add(role);
                    continue;
                }
                appositions.Add(new Apposition(role.Role, sets.Find(index), date, role.Document, role.NamedOnly));
            }
        }

        var appositionsOf = appositions.GroupBy(a => a.Document).ToDictionary(g => g.Key, g => g.ToList());
        // A phrase that names no country tells who holds the role in its own article only.
        var appositionsByRole = appositions.Where(a => !a.NamedOnly).GroupBy(a => a.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var resolved = new List<(int, int, EntityMention, string)>();
        foreach (var role in roles)
        {
            var date = documents[role.Document].Document.Metadata.Published?.Value;
            var holder = HolderOf(role, appositionsOf.GetValueOrDefault(role.Document) ?? []);
            if (heldElsewhere.Contains(role)) holder = -1;
            else if (holder == NoneInArticle && role.NamedOnly)
                holder = StatedHolder(documents[role.Document].Document.Language, role.Role, date, entityOfName) is { } stated
                    && peopleOf.GetValueOrDefault(role.Document)?.Any(p => sets.Find(p.Index) == stated) == true ? stated : -1;
            else if (holder == NoneInArticle)
                holder = StatedHolder(documents[role.Document].Document.Language, role.Role, date, entityOfName)
                    ?? HolderElsewhere(appositionsByRole.GetValueOrDefault(role.Role) ?? [], date);
            if (holder >= 0) resolved.Add((holder, role.Document, new EntityMention(role.Span, "PER"), role.Role));
        }
        return resolved;
    }

    /// <summary>A role phrase of a document: where it stands, its role, and whether it names its holder
    /// only in an article that names them (<see cref="ResolutionLexicon.NamedOnly"/>).</summary>
    internal readonly record struct RolePhrase(TextSpan Span, string Role, bool NamedOnly);

    /// <summary>The role phrases of a document's content and title lines, with their roles. A phrase after a
    /// word that makes it a past or future holder's ("l'ancien chef de l'État") is none, nor one that
    /// names no country followed by a demonym: another country's role ("le Premier ministre israélien").
    /// <paramref name="withFormer"/> keeps the past or future holders' phrases, whose words are no name either.</summary>
    internal static IEnumerable<RolePhrase> RolePhrases(AnalysedDocument document, bool withFormer = false)
    {
        if (ResolutionLexicon.For(document.Language) is not { RolePattern: { } pattern } lexicon) yield break;
        foreach (var line in document.Lines)
        {
            if (line.Kind is not (LineKind.Content or LineKind.Title)) continue;
            var text = document.LineText(line);
            foreach (Match match in pattern.Matches(text))
            {
                var phrase = match.Groups["phrase"].Value.ToLowerInvariant().Replace('’', '\'');
                if (!lexicon.RoleOfPhrase.TryGetValue(phrase, out var role) || !withFormer && lexicon.Former.Contains(WordBefore(text, match.Index))) continue;
                var namedOnly = lexicon.NamedOnly.Contains(phrase);
                if (namedOnly && NameLexicon.For(document.Language).Demonyms.Contains(WordAfter(text, match.Index + match.Length))) continue;
                yield return new RolePhrase(new TextSpan(line.Span.Start + match.Index, match.Length), role, namedOnly);
            }
        }
    }

    /// <summary>The word that ends before position <paramref name="at"/>, past spaces, hyphens and an
    /// elided article ("l'ex-"), or "".</summary>
    private static string WordBefore(string text, int at)
    {
        while (at > 0 && text[at - 1] is ' ' or '-') at--;
        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[start..at];
    }

    /// <summary>The word that follows position <paramref name="at"/> after spaces, or "".</summary>
    private static string WordAfter(string text, int at)
    {
        while (at < text.Length && text[at] == ' ') at++;
        var end = at;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text[at..end];
    }

    /// <summary>Keys through which a document's mentions can meet another document's in the steps
    /// above: a name's key and spelling key, the block of a spelling of several words, its last
    /// word in spelling form (a surname), a known alias's name and a role. Mentions of two
    /// documents sharing no key are never joined, so a stage that
    /// takes in new documents need only look at the documents filed under their keys.</summary>
    public static IReadOnlyList<string> BlockingKeys(AnalysedDocument document)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var lexicon = ResolutionLexicon.For(document.Language);
        foreach (var name in CollectNames([new ExportedDocument(ExportedDocument.IdOf(0), document)]))
        {
            keys.Add("k:" + name.Key);
            keys.Add("v:" + name.Variant);
            keys.Add("w:" + VariantWords(name)[^1]);
            if (name.Variant.Contains(' ', StringComparison.Ordinal)) keys.Add("b:" + NameVariants.BlockOf(name.Variant));
            if (lexicon?.Aliases.GetValueOrDefault(name.Key) is { } alias) keys.Add("k:" + alias);
        }
        // A generic role, or a phrase that names no country, is given within its own article only.
        foreach (var phrase in RolePhrases(document))
            if (!phrase.Role.EndsWith('*') && !phrase.NamedOnly) keys.Add(RoleKeyPrefix + phrase.Role);
        return keys.ToArray();
    }

    private const string RoleKeyPrefix = "r:";

    /// <summary>Whether a blocking key is a role's.</summary>
    public static bool IsRoleKey(string key) => key.StartsWith(RoleKeyPrefix, StringComparison.Ordinal);

    /// <summary>The one holder of a role on a day by the role holders file: their entity, -1 when the
    /// dossier does not name them (the role phrase then stays a role phrase), null when the file
    /// names no one or several.</summary>
    private static int? StatedHolder(string language, string role, string? date, Dictionary<string, int> entityOfName) =>
        ResolutionLexicon.For(language)?.HoldersOn(role, date) is { Count: 1 } holders
            ? entityOfName.TryGetValue(NameVariants.KeyOf(NameKey.Of(holders[0])), out var known) ? known : -1
            : null;

    private static bool IsSeparator(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i]) && text[i] != ',') return false;
        return true;
    }

    /// <summary>No holder in the article itself, which leaves the other sources to try.</summary>
    private const int NoneInArticle = -2;

    /// <summary>Who held the role for this article according to the article itself: its one apposition
    /// of the role; for a generic role, the one holder of that family in the article (-1 when there
    /// is none or several); else <see cref="NoneInArticle"/>.</summary>
    private static int HolderOf(RoleMatch role, List<Apposition> inTheArticle)
    {
        var generic = role.Role.EndsWith('*') ? role.Role[..^1] : null;
        var inArticle = inTheArticle.Where(a => Fits(a, role.Role)).Select(a => a.Entity).Distinct().ToList();
        if (inArticle.Count == 1) return inArticle[0];
        return inArticle.Count > 1 || generic is not null ? -1 : NoneInArticle;
    }

    private static bool Fits(Apposition apposition, string role) =>
        role.EndsWith('*') ? apposition.Role.StartsWith(role[..^1], StringComparison.Ordinal) : apposition.Role == role;

    /// <summary>The holder by appositions of the role in other articles: the only one, or the one
    /// nearest in date (-1 when the article is undated or two are as near).</summary>
    private static int HolderElsewhere(List<Apposition> elsewhere, string? date)
    {
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

    private static List<EntityGroup> BuildGroups(ExportedDocument[] documents, int[] arrival, List<NameMention> mentions, UnionFind sets,
        Dictionary<int, IReadOnlyList<NameCount>> counts, Dictionary<int, (string Name, string Type)> chosen,
        List<(int Entity, int Document, EntityMention Mention, string Role)> roles, MergeLog log)
    {
        var members = new Dictionary<int, List<(int Document, EntityMention Mention, bool IsName)>>();
        var indexesOf = new Dictionary<int, List<int>>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var root = sets.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
                indexesOf[root] = [];
            }
            indexesOf[root].Add(i);
            list.Add((mentions[i].Document, mentions[i].Mention, true));
        }
        var rolesOf = new Dictionary<int, List<RoleHeld>>();
        foreach (var (entity, document, mention, role) in roles)
        {
            members[entity].Add((document, mention, false));
            if (!rolesOf.TryGetValue(entity, out var held)) rolesOf[entity] = held = [];
            held.Add(new RoleHeld(role, documents[document].Document.Metadata.Published?.Value is { Length: >= 10 } date ? date[..10] : null,
                documents[document].Id, documents[document].Document.Text.Substring(mention.Span.Start, mention.Span.Length)));
        }

        var groups = new List<EntityGroup>(members.Count);
        var ordered = members.ToDictionary(m => m.Key, m => m.Value.OrderBy(x => arrival[x.Document]).ThenBy(x => x.Mention.Span.Start).ToList());
        foreach (var root in ordered.Keys.OrderBy(r => arrival[ordered[r][0].Document]).ThenBy(r => ordered[r][0].Mention.Span.Start))
        {
            var list = ordered[root];
            string Surface((int Document, EntityMention Mention, bool IsName) m) =>
                documents[m.Document].Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length);
            groups.Add(new EntityGroup($"e{groups.Count + 1}", chosen[root].Name, chosen[root].Type,
                list.Select(Surface).Distinct(StringComparer.Ordinal).ToArray(),
                list.Select(m => (documents[m.Document].Id, documents[m.Document].Document, m.Mention)).ToArray())
            {
                Reasons = log.Of(indexesOf[root].OrderBy(i => arrival[mentions[i].Document]).ThenBy(i => mentions[i].Mention.Span.Start)).Distinct(StringComparer.Ordinal).ToArray(),
                Roles = rolesOf.GetValueOrDefault(root) ?? [],
                Names = counts[root],
            });
        }
        return groups;
    }

    /// <summary>"(EI)" right after a name: an acronym the article declares for it.</summary>
    [GeneratedRegex(@"^\s*\(\s*(\p{Lu}[\p{Lu}\d]{1,7})\s*\)", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex DeclaredAcronym();
}
