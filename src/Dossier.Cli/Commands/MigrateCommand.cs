using System.CommandLine;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Cli.Commands;

/// <summary>`dossier migrate FILE.dossier --to postgres://…`: copies a dossier file into an empty
/// PostgreSQL database, losing nothing: documents under their ids with every layer and source,
/// and the corpus phase as it stands (results, stable ids, absorbed ids, what each stage has seen).
/// The file is only read; the copy is one transaction, so a failed one leaves the database empty.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("dossier") { Description = "The dossier file to copy" };
        var to = new Option<string>("--to") { Description = "The PostgreSQL database to copy it into: \"Host=…;Database=…\" or postgres://user@host/database", Required = true };
        var command = new Command("migrate", "Copy a dossier file into a PostgreSQL database (created when missing, must hold no dossier yet)") { file, to };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(to)!));
        return command;
    }

    private static int Run(string path, string target)
    {
        if (!StoreOpener.IsPostgres(target))
        {
            Console.Error.WriteLine($"error: --to {TerminalText.Escape(target)}: not a PostgreSQL connection string nor a postgres:// URL");
            return CliApp.Failed;
        }
        return StoreOpener.Read(path, source =>
        {
            var name = StoreOpener.NameOf(target);
            if (source is not IStoredContentsSource file)
            {
                Console.Error.WriteLine($"error: {TerminalText.Escape(StoreOpener.NameOf(path))}: not a dossier file; migrate copies a file into a database");
                return CliApp.Failed;
            }
            try
            {
                using var database = PostgresDossierStore.Open(target, create: true);
                var copied = database.Import(file.ReadStoredDocuments(), file.ReadCorpusState());
                database.UpdateSearchIndex();
                Storage.Browse.BrowseIndex.Update(database);
                Console.WriteLine($"{TerminalText.Escape(name)}: {copied} documents copied from {TerminalText.Escape(path)}");
                return CliApp.Ok;
            }
            catch (DossierStoreException ex)
            {
                Console.Error.WriteLine($"error: {TerminalText.Escape(ex.Message)}");
            }
            catch (NpgsqlException ex)
            {
                Console.Error.WriteLine($"error: {TerminalText.Escape(name)}: {TerminalText.Escape(ex.Message)}; nothing was copied");
            }
            return CliApp.Failed;
        });
    }
}
