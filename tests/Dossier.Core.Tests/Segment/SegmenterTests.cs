using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Segment;

public class SegmenterTests
{
    private static string[] Tokens(AnalysedDocument document, int line)
    {
        var span = document.Lines[line - 1].Span;
        return document.Tokens.Where(t => span.Contains(t.Start)).Select(t => document.Text.Substring(t.Start, t.Length)).ToArray();
    }

    private static string[] Sentences(AnalysedDocument document, int line)
    {
        var span = document.Lines[line - 1].Span;
        return document.Sentences.Where(s => span.Contains(s.Span.Start)).Select(s => document.Text.Substring(s.Span.Start, s.Span.Length)).ToArray();
    }

    [Fact]
    public void M_Carter_does_not_end_a_sentence()
    {
        var document = Samples.Analyse("000_6d8b029ee740e503.txt");
        var sentences = Sentences(document, 3);
        Assert.Single(sentences);
        Assert.StartsWith("Un communiqué publié par le bureau du Premier ministre irakien Haider Al-Abadi indique que celui-ci a rencontré M. Carter à son bureau", sentences[0], StringComparison.Ordinal);
        Assert.Contains("M.", Tokens(document, 3));
    }

    [Fact]
    public void A_figure_with_a_thousands_space_is_one_token()
    {
        var document = Samples.Analyse("000_6d8b029ee740e503.txt");
        var tokens = Tokens(document, 10);
        Assert.Equal(["portant", "les", "effectifs", "américains", "en", "Irak", "à", "quelque", "4 100", "hommes", "."], tokens[^11..]);
        Assert.Equal(TokenKind.Number, document.Tokens.Single(t => document.Text.Substring(t.Start, t.Length) == "4 100").Kind);
        Assert.Single(Sentences(document, 10));
    }

    [Fact]
    public void Elided_articles_are_split_and_names_with_hyphens_kept_whole()
    {
        var document = Samples.Analyse("000_6d8b029ee740e503.txt");
        var tokens = Tokens(document, 15);
        Assert.Equal(["L'", "EI", "a", "pris", "le", "contrôle", "de", "la", "ville", "de", "Mossoul"], tokens[..11]);
        Assert.Contains("Al-Abadi", Tokens(document, 3));
        Assert.Contains("d'", Tokens(document, 3));
    }

    [Fact]
    public void Dotted_thousands_abbreviated_months_and_decimals()
    {
        var document = Samples.AnalyseText("Les Etats-Unis comptent près de 3.900 militaires, le 11 juil. 2016 à 18h56, soit 2,5 % de plus. Ils partent.");
        Assert.Equal(["Les", "Etats-Unis", "comptent", "près", "de", "3.900", "militaires", ",", "le", "11", "juil.", "2016", "à", "18h56", ",", "soit", "2,5", "%", "de", "plus", ".", "Ils", "partent", "."],
            Tokens(document, 1));
        Assert.Equal(2, Sentences(document, 1).Length);
    }

    [Fact]
    public void A_figure_glued_to_the_word_before_it_is_a_figure_not_a_sentence_end()
    {
        // orangesum-5k: a link's text glued to the next paragraph by the scraper.
        var document = Samples.AnalyseText("Le mouvement des \"gilets jaunes\" partagé8.000 policiers, à la fois des forces lourdes et des éléments mobiles seront ainsi déployés samedi 15 décembre dans la capitale.");
        Assert.Equal(["Le", "mouvement", "des", "\"", "gilets", "jaunes", "\"", "partagé", "8.000", "policiers", ","], Tokens(document, 1)[..11]);
        Assert.Equal(TokenKind.Number, document.Tokens.Single(t => document.Text.Substring(t.Start, t.Length) == "8.000").Kind);
        Assert.Equal(["Le mouvement des \"gilets jaunes\" partagé", "8.000 policiers, à la fois des forces lourdes et des éléments mobiles seront ainsi déployés samedi 15 décembre dans la capitale."],
            Sentences(document, 1));
    }

    [Fact]
    public void A_figure_glued_to_a_common_word_opens_a_paragraph_but_exponents_and_names_keep_their_digits()
    {
        // Orangesum 36738, 30435: a paragraph opening with a figure glued to the last word of the one before;
        // 10400 and 31555: a name and a unit written with their digits.
        var document = Samples.AnalyseText("Les admissions ne diminuent plus83 nouveaux patients ont été admis en réanimation la semaine dernière, contre 78 la semaine précédente. "
            + "74% de musulmans de naissance40% des radicalisés sont issus de quartiers défavorisés, rapporte le chercheur de l'Ifri. "
            + "Certains patients atteints du covid19 souffrent toujours de symptômes au bout du 45e jour. "
            + "Va-t-il concerner l'ensemble de la métropole Aix-Marseille, qui couvre 3.000 km2 et compte 1,8 million d'habitants répartis dans 92 communes?");
        var sentences = Sentences(document, 1);
        Assert.Equal(["Les admissions ne diminuent plus", "83 nouveaux patients ont été admis en réanimation la semaine dernière, contre 78 la semaine précédente.",
            "74% de musulmans de naissance", "40% des radicalisés sont issus de quartiers défavorisés, rapporte le chercheur de l'Ifri."], sentences[..4]);
        var tokens = Tokens(document, 1);
        Assert.Contains("covid19", tokens);
        Assert.Contains("km2", tokens);
    }

    [Fact]
    public void Quotes_and_question_marks_end_sentences_only_before_a_new_one()
    {
        var document = Samples.AnalyseText("« Nous partirons. » Il l'a dit lundi. Que fera-t-il ? Rien « de plus ». Puis il est parti...");
        Assert.Equal(["« Nous partirons. »", "Il l'a dit lundi.", "Que fera-t-il ?", "Rien « de plus ».", "Puis il est parti..."], Sentences(document, 1));
    }

    [Fact]
    public void Paragraphs_glued_by_a_lost_line_break_are_split()
    {
        var document = Samples.AnalyseText("Ils ont saisi des cigarettes de contrebandeCet abaissement du seuil entre en vigueur lundi.");
        Assert.Equal(["Ils ont saisi des cigarettes de contrebande", "Cet abaissement du seuil entre en vigueur lundi."], Sentences(document, 1));
    }

    [Fact]
    public void A_name_glued_to_a_function_word_by_a_lost_line_break_is_split()
    {
        // Orangesum 27693, 24348, 20539: a heading or a name run into the next paragraph's first word.
        var document = Samples.AnalyseText("Pas d'exonération de la CSGLa pétition a trouvé écho auprès des retraités. 9 blessés légers à MontpellierÀ Montpellier, plus de 2.000 personnes. ► Air FranceDans le transport aérien, trois syndicats appellent à la grève.");
        Assert.Equal(["Pas d'exonération de la CSG", "La pétition a trouvé écho auprès des retraités.", "9 blessés légers à Montpellier",
            "À Montpellier, plus de 2.000 personnes. ► Air France", "Dans le transport aérien, trois syndicats appellent à la grève."], Sentences(document, 1));
    }

    [Fact]
    public void A_name_glued_to_a_name_written_alone_elsewhere_is_split_and_one_word_brands_and_hashtags_stay_whole()
    {
        // Orangesum 13926: "par BFMTVEmmanuel Macron sera de la partie", where "Emmanuel" is also written alone;
        // "YouTube" and "WhatsApp" are written nowhere else in two halves, a hashtag is glued on purpose, and
        // "StopCovid" starts no name though "Covid" is written alone.
        var document = Samples.AnalyseText("Emmanuel Macron en direct : quels sont les enjeux?par BFMTVEmmanuel Macron sera de la partie. Une vidéo diffusée sur YouTube et WhatsApp, #MarcheDesFiertés. L'application StopCovid compte les cas de Covid.");
        var tokens = Tokens(document, 1);
        Assert.Contains("MarcheDesFiertés", tokens);
        Assert.Contains("StopCovid", tokens);
        Assert.Equal(["par", "BFMTV", "Emmanuel", "Macron", "sera"], tokens[10..15]);
        Assert.Contains("YouTube", tokens);
        Assert.Contains("WhatsApp", tokens);
        Assert.Contains("Emmanuel Macron sera de la partie.", Sentences(document, 1));
    }

    [Fact]
    public void A_name_glued_to_a_common_word_or_to_itself_is_split_but_one_word_names_stay_whole()
    {
        // Orangesum 130, 35750, 16563, 13091, 13051: a sub-heading ending in a name run into the next paragraph,
        // whose first word is one the language writes in lower case or a function word, or a heading repeating the name;
        // 9703 and 5686: names written in one word, whose halves are names or not written alone.
        var document = Samples.AnalyseText("Piques à PhilippePlutôt que des réformes, le président de l'Elysée préconise une \"modernisation\" du pays, \"apaisante, sereine\". "
            + "\"La dimension paramétrique jointe au débat a altéré la clarté du dispositif initialement prévu\", assure-t-il dans une pique à Edouard Philippe qui la soutenait. "
            + "Très critique envers Didier RaoultInterrogé sur \"le succès\" du professeur Didier Raoult, Martin Hirsch a reconnu au directeur de l'Institut Méditerranée-Infection de Marseille \"un rôle\". "
            + "Gaudin règle ses comptes avec MuselierFace au journaliste de La Provence, le maire répond aussi à une attaque répétée de son ancien adjoint, Renaud Muselier. "
            + "56 décès liés au coronavirus à MadridMadrid, la capitale espagnole, est la ville la plus touchée par le coronavirus. "
            + "Attestation employeur en Île-de-FranceDes masques \"grand public\" seront mis à disposition dans les transports en commun. "
            + "Une Ferrari LaFerrari de 2014 (3 305 000 $ - 2 837 700 €). Un film avec Leonardo DiCaprio sur un escroc de la Bourse sorti en 2013.");
        var sentences = Sentences(document, 1);
        Assert.Equal("Piques à Philippe", sentences[0]);
        Assert.StartsWith("Plutôt que des réformes, le président", sentences[1]);
        Assert.Contains("Très critique envers Didier Raoult", sentences);
        Assert.Contains("Gaudin règle ses comptes avec Muselier", sentences);
        Assert.Contains("56 décès liés au coronavirus à Madrid", sentences);
        Assert.Contains("Madrid, la capitale espagnole, est la ville la plus touchée par le coronavirus.", sentences);
        Assert.Contains("Attestation employeur en Île-de-France", sentences);
        var tokens = Tokens(document, 1);
        Assert.Contains("Interrogé", tokens);
        Assert.Contains("Face", tokens);
        Assert.Contains("LaFerrari", tokens);
        Assert.Contains("DiCaprio", tokens);
    }

    [Fact]
    public void A_heading_in_capitals_glued_to_a_name_is_split_but_a_name_in_capitals_stays_whole()
    {
        // Orangesum (the "attentat" coverage): "LA FAUTE CAPITALE DE NICOLAS SARKOZYMarine Le Pen a ensuite déroulé".
        var document = Samples.AnalyseText("Marine Le Pen a parlé aux ÉTATS-UNIS et aux USA. LA FAUTE CAPITALE DE NICOLAS SARKOZYMarine Le Pen a ensuite déroulé ses propositions.");
        var tokens = Tokens(document, 1);
        Assert.Contains("ÉTATS-UNIS", tokens);
        Assert.Contains("USA", tokens);
        Assert.Contains("SARKOZY", tokens);
        Assert.Contains("Marine Le Pen a ensuite déroulé ses propositions.", Sentences(document, 1));
    }

    [Fact]
    public void English_abbreviations_keep_their_period()
    {
        var document = Samples.AnalyseText("Gen. Joe Dunford met Mr. Carter in the U.S. capital on Monday. They spoke for an hour.");
        Assert.Equal(2, Sentences(document, 1).Length);
        Assert.Equal(["Gen.", "Joe", "Dunford", "met", "Mr.", "Carter", "in", "the", "U.S.", "capital"], Tokens(document, 1)[..10]);
    }
}
