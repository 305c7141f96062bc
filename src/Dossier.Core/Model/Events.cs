namespace Dossier.Core.Model;

/// <summary>What a sentence says of a happening: that it took place, that it is planned or
/// announced, that it did not take place, or that someone reports it.</summary>
public enum EventStatus : byte { Happened, Planned, Negated, Reported }

/// <summary>When a happening took place, as a TIMEX3 value.</summary>
/// <param name="Inferred">True when no expression of the sentence dates it and the value is the
/// article's date or, in an article that states none, the estimate of it (an interval, "2019-01-12/..").</param>
/// <param name="Expression">The date expression it was read from; null when inferred.</param>
public sealed record EventTime(string Value, bool Inferred, TextSpan? Expression);

/// <summary>One sentence's report of one happening: the words that name it (several when a
/// sentence names it twice, "la frappe … qui a tué"; not the statement framing it, "a annoncé … le
/// déploiement", which is another happening),
/// its class (meeting, statement, deployment, attack, death, capture, vote, …), its status,
/// time, participants and place (entity mentions of the sentence).</summary>
/// <param name="Triggers">The trigger words naming the happening, in text order, the first the main one; for a
/// report of a statement alone, its statement words.</param>
/// <param name="Sentence">Index of the sentence in the document's sentences.</param>
/// <param name="Framed">True when a statement of the sentence reports it ("a annoncé que …").</param>
public sealed record EventMention(
    IReadOnlyList<TextSpan> Triggers,
    string Class,
    EventStatus Status,
    int Sentence,
    bool Framed,
    EventTime? Time,
    IReadOnlyList<TextSpan> Participants,
    TextSpan? Place);
