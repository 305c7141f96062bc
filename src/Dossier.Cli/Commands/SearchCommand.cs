using System.CommandLine;
using System.Globalization;
using System.Text;
using Dossier.Core.Search;
using Dossier.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>`dossier search FILE.dossier "QUERY"`: documents matching a full-text query, best first,
/// each with its matching sentences (line, offsets in the line, matched words marked).</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var query = new Argument<string?>("query") { Description = "Words (all required), \"a phrase\", a prefix*", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit", "-n") { Description = "Documents to show", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Documents to skip (paging)", DefaultValueFactory = _ => 0 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--limit must be between 1 and 1000"); });
        offset.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--offset must not be negative"); });
        var command = new Command("search", "Full-text search (French and English analysis: elision, accents, light stemming)") { file, query, store, limit, offset };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(store), parse.GetValue(query), parse.GetValue(offset), parse.GetValue(limit)));
        return command;
    }

    private static int Run(string? path, string? store, string? text, int offset, int limit)
    {
        (path, text) = StoreOpener.ShiftForStore(path, store, text);
        if (text is null)
        {
            Console.Error.WriteLine("error: no query given");
            return CliApp.Failed;
        }
        return StoreOpener.Read(path, store, dossier => Search(dossier, text, offset, limit));
    }

    private static int Search(IDossierStore store, string text, int offset, int limit)
    {
        var results = store.Search(SearchQuery.Parse(text), offset, limit);
        foreach (var hit in results.Documents)
        {
            AnsiConsole.MarkupLine($"[bold]{DocumentIds.Format(hit.DocumentId)}[/] {StoreOpener.Escape(hit.Title ?? hit.Path)}");
            foreach (var sentence in hit.Sentences)
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  line {sentence.Line} [[{sentence.Start}..{sentence.End}): {Marked(sentence)}"));
        }
        Console.WriteLine(results.Total == 1 ? "1 document" : $"{results.Total} documents");
        return CliApp.Ok;
    }

    private static string Marked(SentenceHit sentence)
    {
        var markup = new StringBuilder();
        var at = 0;
        foreach (var mark in sentence.Marks)
        {
            markup.Append(StoreOpener.Escape(sentence.Text[at..mark.Start]))
                .Append("[bold yellow]").Append(StoreOpener.Escape(sentence.Text.Substring(mark.Start, mark.Length))).Append("[/]");
            at = mark.End;
        }
        return markup.Append(StoreOpener.Escape(sentence.Text[at..])).ToString();
    }
}
