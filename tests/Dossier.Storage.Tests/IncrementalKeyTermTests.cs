using System.Text.Json;
using Dossier.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>An article placed into a stored dossier is read for its key terms as the whole build reads it.</summary>
public sealed class IncrementalKeyTermTests : IDisposable
{
    private static readonly string Articles = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared", "data", "corpus-fr", "orangesum-5k.jsonl");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-key-terms-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Writes the orangesum articles of these ids, in this order, to a JSON-lines file in the folder.</summary>
    private string Write(string name, params string[] ids)
    {
        var lines = File.ReadLines(Articles).ToDictionary(l => JsonDocument.Parse(l).RootElement.GetProperty("id").ToString(), StringComparer.Ordinal);
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, ids.Select(id => lines[id]));
        return path;
    }

    [Fact]
    public void An_article_on_the_gilets_jaunes_that_names_none_of_their_people_joins_their_story_when_added_as_in_one_build()
    {
        // Eight articles of January and February 2019 on the "gilets jaunes", then one from Rennes
        // (Ille-et-Vilaine, Samu: no entity of the eight).
        var first = Write("first.jsonl", "27558", "27391", "27327", "27240", "18559", "27069", "27034", "26892");
        var rennes = Write("rennes.jsonl", "27198");
        var whole = Path.Combine(_folder, "whole.dossier");
        SixtyArticlesThenSeeds.Build(whole, first, rennes);
        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        SixtyArticlesThenSeeds.Build(stepwise, first);
        SixtyArticlesThenSeeds.Build(stepwise, first, rennes);

        static string[] Topics(string dossier) => SixtyArticlesThenSeeds.Groups(dossier, CorpusLayers.Stories)
            .Where(s => s.Parent is null).Select(s => $"{s.Label} | {s.Members}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["\"gilets jaunes\" · \"rassemblement\" · \"liste\" | 1:0 2:0 3:0 4:0 5:0 6:0 7:0 8:0 9:0"], Topics(stepwise));
        Assert.Equal(Topics(whole), Topics(stepwise));
    }
}
