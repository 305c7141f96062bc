using System.Text;
using Dossier.Core.Read;

namespace Dossier.Core.Tests.Read;

public class TextDecoderTests
{
    private const string French = "Le secrétaire américain à la Défense s'est entretenu lundi à Bagdad.";

    [Fact]
    public void Utf8_with_and_without_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetBytes(French);
        Assert.Equal(French, TextDecoder.Decode(bytes, out var name, out var warning));
        Assert.Equal("utf-8", name);
        Assert.Null(warning);
        Assert.Equal(French, TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. bytes], out name, out _));
        Assert.Equal("utf-8-bom", name);
    }

    [Fact]
    public void Utf16_with_byte_order_mark()
    {
        Assert.Equal(French, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(French)], out var name, out _));
        Assert.Equal("utf-16le", name);
        Assert.Equal(French, TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(French)], out name, out _));
        Assert.Equal("utf-16be", name);
    }

    [Fact]
    public void Windows_1252_text_is_recognised_as_such()
    {
        var bytes = TextDecoder.Windows1252.GetBytes(French + " Il a dit « oui » à l'été dernier, à Noël.");
        var text = TextDecoder.Decode(bytes, out var name, out var warning);
        Assert.StartsWith(French, text, StringComparison.Ordinal);
        Assert.Contains("« oui »", text, StringComparison.Ordinal);
        Assert.Null(warning);
        Assert.NotEqual("utf-8", name);
    }

    [Fact]
    public void Damaged_utf8_is_decoded_with_replacement_characters_and_a_warning_naming_the_byte()
    {
        var good = Encoding.UTF8.GetBytes(French);
        byte[] bytes = [.. good, 0xC3, 0x28, .. good];
        var text = TextDecoder.Decode(bytes, out var name, out var warning);
        Assert.Equal("utf-8", name);
        Assert.Equal($"invalid UTF-8 at byte {good.Length}; broken bytes were replaced by U+FFFD", warning);
        Assert.Contains('\uFFFD', text);
        Assert.EndsWith(French, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_bytes_mean_binary_but_utf16_is_text()
    {
        Assert.True(TextDecoder.LooksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]));
        Assert.False(TextDecoder.LooksBinary([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(French)]));
        Assert.False(TextDecoder.LooksBinary(Encoding.UTF8.GetBytes(French)));
    }
}
