using System.Text;
using Dossier.Core.Read;

namespace Dossier.Core.Tests.Read;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-read-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private List<ReadItem> ReadFolder(ReadOptions? options = null) => InputReader.CreateDefault(options).Read([_folder]).ToList();

    [Fact]
    public void Json_lines_give_one_document_per_record_and_a_malformed_line_is_reported_with_its_number()
    {
        Write("feed.jsonl", Encoding.UTF8.GetBytes(
            "{\"id\": 7, \"title\": \"Un titre\", \"date\": \"2016-04-19\", \"article\": \"Le texte de l'article.\"}\n" +
            "{\"id\": 8, \"article\": \"Il manque une accolade\"\n" +
            "\n" +
            "{\"id\": \"x9\", \"url\": \"https://www.example.org/a\", \"text\": \"Un autre texte.\"}\n" +
            "{\"id\": 10, \"article\": \"\"}\n"));
        var items = ReadFolder();
        Assert.Equal(4, items.Count);
        var first = items[0].Document!;
        Assert.Equal("Le texte de l'article.", first.Text);
        Assert.Equal("Un titre", first.Hints.Title);
        Assert.Equal("2016-04-19", first.Hints.Published);
        Assert.Equal("feed.jsonl#7", first.Path);
        Assert.Equal("jsonl", first.Format);
        Assert.StartsWith("error: feed.jsonl (line 2): malformed JSON", items[1].Problem!.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://www.example.org/a", items[2].Document!.Hints.Url);
        Assert.Equal("error: feed.jsonl (line 5, id 10): no text (expected a non-empty \"text\" or \"article\" field)", items[3].Problem!.ToString());
    }

    [Fact]
    public void Empty_binary_and_oversized_files_are_reported_and_the_others_still_read()
    {
        Write("a-empty.txt", []);
        Write("b-image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        Write("c-big.txt", Encoding.UTF8.GetBytes(new string('a', 3 * 1024 * 1024)));
        Write("d-good.txt", Encoding.UTF8.GetBytes("Un article tout à fait lisible."));
        var items = ReadFolder(new ReadOptions { MaxDocumentBytes = 2 * 1024 * 1024 });
        Assert.Equal(
        [
            "error: a-empty.txt: empty file",
            "error: b-image.txt: binary file, not text (skipped)",
            "error: c-big.txt: 3.0 MB is larger than the 2 MB limit for one article (see --max-document-mb)",
        ], items.Where(i => i.Problem is not null).Select(i => i.Problem!.ToString()));
        Assert.Equal("Un article tout à fait lisible.", Assert.Single(items, i => i.Document is not null).Document!.Text);
    }

    [Fact]
    public void A_missing_path_is_reported_by_name()
    {
        var missing = Path.Combine(_folder, "nowhere");
        var item = Assert.Single(InputReader.CreateDefault().Read([missing]));
        Assert.Equal($"error: {missing}: no such file or folder", item.Problem!.ToString());
    }

    [Fact]
    public void The_same_bytes_hash_the_same_and_the_source_key_is_the_full_path()
    {
        Write("x.txt", Encoding.UTF8.GetBytes("Le même texte."));
        Write("y.txt", Encoding.UTF8.GetBytes("Le même texte."));
        var documents = ReadFolder().Select(i => i.Document!).ToList();
        Assert.Equal(documents[0].ContentHash, documents[1].ContentHash);
        Assert.Equal(Path.Combine(_folder, "x.txt"), documents[0].SourceKey);
        Assert.Equal("x.txt", documents[0].Path);
    }
}
