using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Languages;

namespace Dossier.Core.Resolve;

/// <summary>What entity resolution knows of one language: honorifics that are not part of a
/// name, known aliases, and role phrases (fr/honorifics.txt, aliases.tsv, roles.tsv, role-former.txt,
/// articles.txt).</summary>
public sealed class ResolutionLexicon
{
    private static readonly Lazy<FrozenDictionary<string, ResolutionLexicon>> All = new(() =>
        LanguageData.Available.ToFrozenDictionary(code => code, code => new ResolutionLexicon(code), StringComparer.Ordinal));

    private ResolutionLexicon(string code)
    {
        Honorifics = LanguageData.ReadLines(code, "honorifics.txt").Select(h => NameKey.Of(h)).Where(k => k.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
        // A later line wins, so that the user's files (read after the shipped ones) can correct them.
        Aliases = LanguageData.ReadColumns(code, "aliases.tsv", 2).Where(c => c[0] != c[1])
            .GroupBy(c => NameKey.Of(c[0]), StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => NameKey.Of(g.Last()[1]), StringComparer.Ordinal);
        AliasedNames = Aliases.Values.ToFrozenSet(StringComparer.Ordinal);
        Holders = LanguageData.ReadColumns(code, "role-holders.tsv", 4)
            .Select(c => new RoleHolder(c[0], c[1], c[2], c[3].Length == 0 ? null : c[3])).ToArray();
        var roles = LanguageData.ReadColumns(code, "roles.tsv", 2, optional: 1,
            row => row.Length > 2 && row[2] != NamedMark ? $"'{row[2]}' after '{row[1]}': the third column, when present, is '{NamedMark}'" : null);
        RolePhrases = roles.Select(c => c[1]).ToArray();
        var lastOfPhrase = roles.GroupBy(c => c[1].ToLowerInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        RoleOfPhrase = lastOfPhrase.ToFrozenDictionary(x => x.Key, x => x.Value[0], StringComparer.Ordinal);
        NamedOnly = lastOfPhrase.Where(x => x.Value.Length > 2).Select(x => x.Key).ToFrozenSet(StringComparer.Ordinal);
        Former = LanguageData.ReadLines(code, "role-former.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Articles = LanguageData.ReadLines(code, "articles.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        if (roles.Count == 0) return;
        var articles = Articles.OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).Select(Regex.Escape);
        var phrases = roles.Select(c => c[1]).OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace("'", "['’]", StringComparison.Ordinal));
        // The article is part of the mention ("le chef du Pentagone") but not of the phrase looked up.
        RolePattern = new Regex($@"(?<![\p{{L}}])(?:(?<article>{string.Join("|", articles)})\s?)?(?<phrase>{string.Join("|", phrases)})(?![\p{{L}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternLimit.Timeout);
    }

    /// <summary>Name keys (see <see cref="NameKey"/>) of words that may precede a name.</summary>
    public FrozenSet<string> Honorifics { get; }

    /// <summary>The definite articles ("le", "l'"), in any case.</summary>
    public FrozenSet<string> Articles { get; }

    /// <summary>Alias key → name key.</summary>
    public FrozenDictionary<string, string> Aliases { get; }

    /// <summary>The name keys that aliases stand for.</summary>
    public FrozenSet<string> AliasedNames { get; }

    public IReadOnlyList<string> RolePhrases { get; }

    /// <summary>Lower-cased role phrase → role id ("us-defense-secretary", or a generic "us-*").</summary>
    public FrozenDictionary<string, string> RoleOfPhrase { get; }

    public Regex? RolePattern { get; }

    /// <summary>The third column of a role phrase that names its holder only in an article that names them.</summary>
    private const string NamedMark = "named";

    /// <summary>Lower-cased role phrases that name no country ("chef de l'État", "Premier ministre"): the
    /// holder of the day only where the article names them, and no one when a demonym follows ("le
    /// Premier ministre israélien").</summary>
    public FrozenSet<string> NamedOnly { get; }

    /// <summary>Words before a role phrase that make it a past or future holder's (role-former.txt: "ancien", "former").</summary>
    public FrozenSet<string> Former { get; }

    private IReadOnlyList<RoleHolder> Holders { get; }

    /// <summary>The holders of a role (role-holders.tsv) whose term covers a date ("2011-03-21"); none
    /// for an undated article.</summary>
    public IReadOnlyList<string> HoldersOn(string role, string? date)
    {
        if (date is not { Length: >= 10 }) return [];
        var day = date[..10];
        return Holders.Where(h => h.Role == role && string.CompareOrdinal(h.From, day) <= 0 && (h.To is null || string.CompareOrdinal(day, h.To) < 0))
            .Select(h => h.Holder).ToArray();
    }

    private sealed record RoleHolder(string Role, string Holder, string From, string? To);

    public static ResolutionLexicon? For(string language) => All.Value.GetValueOrDefault(language);
}
