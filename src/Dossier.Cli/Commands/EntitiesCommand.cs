using System.CommandLine;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>`dossier entities FILE.dossier`: who and what the dossier names, most mentioned first,
/// each with the spellings it was found under and how often, why they were joined, and the roles
/// it was given with their dates, so that a reader can check every join. It reads what the
/// resolution stage stored and computes nothing.</summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var command = new Command("entities", "List the dossier's entities with their variants, mention counts, merge reasons and roles") { file, store };
        command.SetAction(parse => StoreOpener.Read(parse.GetValue(file), parse.GetValue(store), List));
        return command;
    }

    private static int List(IDossierStore store)
    {
        var documents = StoredDocuments.Of(store.LoadAll());
        var entities = CorpusResults.Read(store, documents).Entities;
        foreach (var entity in entities.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var articles = entity.Mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine($"{entity.Id}\t{entity.Type}\t{entity.Name}\t{entity.Mentions.Count} mentions in {articles} articles");
            var variants = entity.Mentions.GroupBy(m => m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            Console.WriteLine($"\tvariants: {string.Join(", ", variants.Select(g => $"{g.Key} ({g.Count()})"))}");
            foreach (var reason in entity.Reasons) Console.WriteLine($"\tjoined: {reason}");
            foreach (var role in entity.Roles.GroupBy(r => (r.Role, r.Date)).OrderBy(g => g.Key.Date ?? "~", StringComparer.Ordinal))
                Console.WriteLine($"\trole: {role.Key.Role} on {role.Key.Date ?? "an undated article"} ({string.Join(", ", role.Select(r => $"\"{r.Phrase}\" {r.DocumentId}").Distinct(StringComparer.Ordinal))})");
        }
        Console.WriteLine($"{entities.Count} entities in {documents.Count} documents");
        return CliApp.Ok;
    }
}
