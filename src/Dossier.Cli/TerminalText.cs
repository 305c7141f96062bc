using System.Globalization;
using System.Text;

namespace Dossier.Cli;

/// <summary>Text from inputs and dossiers (file names, ids, titles, article lines) made safe to
/// print: control characters (C0, DEL, C1, hence ESC and CSI) are shown as \u001B, so a title
/// cannot move the cursor, recolour, retitle or clear the terminal. Tabs stay; a line break shows
/// as \n where one line is expected.</summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i])) i++;
        if (i == text.Length) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c)) escaped.Append(c);
            else if (c == '\n') escaped.Append("\\n");
            else if (c == '\r') escaped.Append("\\r");
            else escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    /// <summary>Also the bidirectional overrides and isolates, which reorder what follows them on screen.</summary>
    private static bool NeedsEscape(char c) =>
        c != '\t' && (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
