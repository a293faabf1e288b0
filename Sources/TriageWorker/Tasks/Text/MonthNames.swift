import Foundation

/// Month names as suppliers write them in their languages, for reading "11 de febrero de 2026", "1. března 2026",
/// "24 marca 2026", "6 mars 2026" or "12 Ağustos 2026"; English names and their abbreviations ("Mar.", "Sept")
/// are read by their first three letters.
enum MonthNames {
    /// Lower-case name → month number.
    static let numbers: [String: Int] = {
        let names: [[String]] = [
            ["enero", "gennaio", "januar", "jänner", "janvier", "janeiro", "stycznia", "styczeń", "januari", "ledna", "leden",
             "tammikuuta", "tammikuu", "ocak"],
            ["febrero", "febbraio", "februar", "février", "fevrier", "fevereiro", "lutego", "luty", "februari", "února",
             "unora", "únor", "helmikuuta", "helmikuu", "şubat", "subat"],
            ["marzo", "märz", "marz", "mars", "março", "marco", "marca", "marzec", "maart", "marts", "března", "brezna",
             "březen", "maaliskuuta", "maaliskuu", "mart"],
            ["abril", "aprile", "avril", "kwietnia", "kwiecień", "dubna", "duben", "huhtikuuta", "huhtikuu", "nisan"],
            ["mayo", "maggio", "mai", "maio", "maja", "maj", "mei", "května", "kvetna", "květen", "toukokuuta", "toukokuu",
             "mayıs", "mayis"],
            ["junio", "giugno", "juni", "juin", "junho", "czerwca", "czerwiec", "června", "cervna", "červen", "kesäkuuta",
             "kesakuuta", "kesäkuu", "haziran"],
            ["julio", "luglio", "juli", "juillet", "julho", "lipca", "lipiec", "července", "cervence", "červenec",
             "heinäkuuta", "heinakuuta", "heinäkuu", "temmuz"],
            ["agosto", "august", "août", "aout", "sierpnia", "sierpień", "augusti", "augustus", "srpna", "srpen",
             "elokuuta", "elokuu", "ağustos", "agustos"],
            ["septiembre", "setiembre", "settembre", "september", "septembre", "setembro", "września", "wrzesnia",
             "wrzesień", "září", "zari", "syyskuuta", "syyskuu", "eylül", "eylul"],
            ["octubre", "ottobre", "oktober", "octobre", "outubro", "października", "pazdziernika", "październik",
             "října", "rijna", "říjen", "lokakuuta", "lokakuu", "ekim"],
            ["noviembre", "novembre", "november", "novembro", "listopada", "listopad", "listopadu", "marraskuuta",
             "marraskuu", "kasım", "kasim"],
            ["diciembre", "dicembre", "dezember", "décembre", "decembre", "dezembro", "grudnia", "grudzień", "december",
             "prosince", "prosinec", "joulukuuta", "joulukuu", "aralık", "aralik"],
        ]
        var numbers: [String: Int] = [:]
        for (index, list) in names.enumerated() { for name in list { numbers[name] = index + 1 } }
        return numbers
    }()

    /// The names as one regular-expression alternation, longest first, then the English three-letter stems.
    static let pattern: String = {
        let names = numbers.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return "(" + names.joined(separator: "|") + #"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"#
    }()

    /// The month number of a name matched by ``pattern`` ("febrero" 2, "Sept." 9); 0 when it names none.
    static func number(_ name: String) -> Int {
        let key = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let number = numbers[key] { return number }
        let stems = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return (stems.firstIndex(of: String(key.prefix(3))) ?? -1) + 1
    }
}
