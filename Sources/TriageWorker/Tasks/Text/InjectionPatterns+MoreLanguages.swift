import Foundation

/// Instruction patterns in the further languages suppliers write in (Swedish, Danish, Norwegian, Finnish, Czech,
/// Slovak, Turkish, Romanian, Hungarian, Greek, Japanese, Korean): "ignore the instructions", "approve without
/// checking", "note to the AI", written from how each language phrases them, on ``ScreenText``-normalised text.
extension InjectionPatterns {
    /// Verbs that tell a reader to drop something.
    static let moreDropVerbs =
        "(ignorera|ignorer|ignorér|glöm|glom|glem|bortse fra|ohita|unohda|ignoruj|ignorujte|zapomeň|zapomen|"
        + "zapomeňte|zapomente|yoksay|görmezden gel|gormezden gel|unut|ignoră|ignora|ignorați|ignorati|uitați|uitati|"
        + "hagyd figyelmen kívül|hagyja figyelmen kívül|felejtsd el|αγνόησε|αγνοήστε|무시)"
    /// Nouns for a model's instructions or rules.
    static let moreRuleNouns =
        "(instruktioner|instruktionerna|instrukser|instruksjonene|instruksjoner|regler|reglerna|reglene|ohjeet|"
        + "ohjeita|säännöt|saannot|pokyny|instrukce|pravidla|talimatlar\\w*|kurallar\\w*|instrucțiunile|instructiunile|"
        + "regulile|utasítás\\w*|utasitas\\w*|szabály\\w*|szabaly\\w*|οδηγίες|κανόνες|지시|규칙)"
    /// Verbs asking to approve, pay or release.
    static let moreApproveVerbs =
        "(godkänn|godkann|godkend|godkjenn|betala|betal|hyväksy|hyvaksy|maksa|schvalte|schval|schvaľte|zaplaťte|"
        + "zaplatte|zaplať|onayla|onaylayın|onaylayin|öde|ödeyin|odeyin|aprobați|aprobati|aprobă|plătiți|platiti|"
        + "hagyd jóvá|hagyja jóvá|fizesd ki|fizesse ki|εγκρίνετε|πληρώστε|승인)"
    /// "without" before a check, in each language.
    static let moreWithout = "(utan|uden|uten|ilman|bez|fără|fara|χωρίς|χωρις)"
    /// Checks, reviews and verifications.
    static let moreChecks =
        "(kontroll\\w*|kontrol\\w*|granskning\\w*|tarkist\\w*|tarkastu\\w*|ověř\\w*|over\\w*|prověř\\w*|"
        + "verific\\w*|ellenőrz\\w*|ellenorz\\w*|έλεγχο\\w*|ελεγχο\\w*)"
    /// The automated reader addressed.
    static let moreMachines =
        "(ai|ki|ia|yapay zeka|tekoäly|tekoaly|umělá inteligence|umela inteligence|inteligența artificială|"
        + "inteligenta artificiala|mesterséges intelligencia|τεχνητή νοημοσύνη|인공지능|automat\\w*|system\\w*|"
        + "järjestelmä\\w*|jarjestelma\\w*|sistem\\w*|rendszer\\w*)"

    static let moreLanguageSources = [
        "\\b\(moreDropVerbs)\\b(\\W+\\w+){0,5}?\\W+\(moreRuleNouns)",
        "\\b\(moreRuleNouns)(\\W+\\w+){0,3}?\\W+(ignorera|ignorere|ohita|ignorovat|yoksay\\w*|ignorați|ignorati|"
            + "figyelmen kívül)\\b",
        "\\b\(moreApproveVerbs)\\b.{0,60}\\b\(moreWithout) (\\w+ )?\(moreChecks)",
        // Postpositions: "ilman tarkistusta" reads "without" first, "ellenőrzés nélkül" and "kontrol etmeden" last.
        "\\b\(moreChecks) (nélkül|nelkul|etmeden|yapmadan|olmadan)\\b.{0,60}\\b\(moreApproveVerbs)\\b",
        "\\b\(moreApproveVerbs)\\b.{0,60}\\b\(moreChecks) (nélkül|nelkul|etmeden|yapmadan|olmadan)\\b",
        "\\b(till|til|for|pro|için|icin|pentru|számára|szamara|για|à) (den |det |the )?\(moreMachines)\\s*:",
        "\\b(meddelande|besked|besked til|beskjed|viesti|huomautus|poznámka|poznamka|upozornění|not|notă|nota|megjegyzés|"
            + "megjegyzes|σημείωση|σημειωση) (till|til|for|pro|için|icin|pentru|a|az|για|προς) (\\w+ )?\(moreMachines)\\b",
        // Japanese: "以前の指示を無視して", "確認せずに承認してください".
        "(指示|命令|ルール|規則)を?(すべて|全て)?無視",
        "(確認|チェック|審査|照合)(せず|しないで|なし|不要)(に)?.{0,20}(承認|支払|支払い|処理)",
        "(承認|支払|支払い)(して|を).{0,20}(確認|チェック|審査)(せず|しないで|不要)",
        "(aiへ|ai宛|aiの方へ|システムへの指示|自動処理システム)",
    ]
}
