using System.CommandLine;
using Dossier.Core.Stories;
using Dossier.Languages;

namespace Dossier.Cli.Commands;

/// <summary>`dossier train terms DOSSIER --language fr --source TEXT -o FILE`: writes a language's background
/// document frequencies of key terms (<see cref="KeyTerms.FileName"/>) from the articles of a built dossier,
/// read as the pipeline analysed them, so that the file counts exactly the terms stories look up.</summary>
internal static class TrainTermsCommand
{
    public static Command Create()
    {
        var dossier = new Argument<string>("dossier") { Description = "A dossier built from the background articles" };
        var language = new Option<string>("--language") { Description = "The language whose articles are counted", Required = true };
        var source = new Option<string>("--source") { Description = "What the articles are and their licence, for the file's header", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file to write", Required = true };
        var minimum = new Option<int>("--min-documents") { Description = "Leave out terms held by fewer articles", DefaultValueFactory = _ => 3 };
        var terms = new Command("terms", "Count in how many articles each key-term candidate occurs (background for stories)")
            { dossier, language, source, output, minimum };
        terms.SetAction(parse => Run(parse.GetValue(dossier)!, parse.GetValue(language)!, parse.GetValue(source)!, parse.GetValue(output)!, parse.GetValue(minimum)));
        return terms;
    }

    private static int Run(string dossier, string language, string source, string output, int minimumDocuments)
    {
        if (!LanguageData.Available.Contains(language))
        {
            Console.Error.WriteLine($"error: --language {language}: no language data (known: {string.Join(", ", LanguageData.Available)})");
            return CliApp.Failed;
        }
        if (minimumDocuments < 1)
        {
            Console.Error.WriteLine("error: --min-documents must be at least 1");
            return CliApp.Failed;
        }
        return StoreOpener.Read(dossier, store =>
        {
            using var writer = new StreamWriter(output) { NewLine = "\n" };
            var documents = KeyTerms.WriteBackground(store.LoadAll().Select(x => x.Document), language, minimumDocuments, source, writer);
            Console.Error.WriteLine($"{output}: {documents} {language} articles counted");
            return documents > 0 ? CliApp.Ok : CliApp.Failed;
        });
    }
}
