using Dossier.Core.Model;

namespace Dossier.Storage.Tests;

/// <summary>An event's triggers and participants as stores kept them before they were packed.</summary>
public class SpanListCodecTests
{
    [Fact]
    public void A_stored_list_of_spans_reads_back()
    {
        TextSpan[] spans = [new(689, 12), new(780, 3), new(0, 1)];
        Assert.Equal(spans, SpanListCodec.Parse("689:12 780:3 0:1"));
        Assert.Equal([new TextSpan(5, 2)], SpanListCodec.Parse("5:2"));
        Assert.Empty(SpanListCodec.Parse(""));
    }
}
