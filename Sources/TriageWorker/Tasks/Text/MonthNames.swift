import Foundation

/// Month names as suppliers write them in their languages, for reading "11 de febrero de 2026", "1. března 2026",
/// "24 marca 2026", "6 mars 2026", "12 Ağustos 2026", "5 Μαρτίου 2026" or "5 มีนาคม 2569"; English names and their abbreviations ("Mar.", "Sept")
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
        for (index, list) in (zip(names, further).map { $0 + $1 }).enumerated() {
            for name in list { numbers[name] = index + 1; numbers[fold(name)] = index + 1 }
        }
        return numbers
    }()

    /// Romanian, Hungarian, Greek, Estonian, Slovak, Croatian, Lithuanian, Latvian, Russian, Thai and Indonesian.
    private static let further: [[String]] = [
        ["ianuarie", "január", "januar", "ιανουαρίου", "ιανουάριος", "jaanuar", "januára", "siječnja", "sausio", "janvāris", "janvāra", "января", "январь", "มกราคม", "ม.ค.", "januari"],
        ["februarie", "február", "φεβρουαρίου", "φεβρουάριος", "veebruar", "februára", "veljače", "vasario", "februāris", "februāra", "февраля", "февраль", "กุมภาพันธ์", "ก.พ."],
        ["martie", "március", "μαρτίου", "μάρτιος", "märts", "marca", "ožujka", "kovo", "marts", "marta", "марта", "март", "มีนาคม", "มี.ค.", "maret"],
        ["aprilie", "április", "απριλίου", "απρίλιος", "aprill", "apríla", "travnja", "balandžio", "aprīlis", "aprīļa", "апреля", "апрель", "เมษายน", "เม.ย."],
        ["május", "μαΐου", "μάιος", "mája", "svibnja", "gegužės", "maijs", "maija", "мая", "май", "พฤษภาคม", "พ.ค."],
        ["iunie", "június", "ιουνίου", "ιούνιος", "juuni", "júna", "lipnja", "birželio", "jūnijs", "jūnija", "июня", "июнь", "มิถุนายน", "มิ.ย."],
        ["iulie", "július", "ιουλίου", "ιούλιος", "juuli", "júla", "srpnja", "liepos", "jūlijs", "jūlija", "июля", "июль", "กรกฎาคม", "ก.ค."],
        ["augusztus", "αυγούστου", "αύγουστος", "augusta", "kolovoza", "rugpjūčio", "augusts", "августа", "август", "สิงหาคม", "ส.ค.", "agustus"],
        ["septembrie", "szeptember", "σεπτεμβρίου", "σεπτέμβριος", "septembra", "rujna", "rugsėjo", "septembris", "сентября", "сентябрь", "กันยายน", "ก.ย."],
        ["octombrie", "október", "οκτωβρίου", "οκτώβριος", "oktoober", "októbra", "spalio", "oktobris", "oktobra", "октября", "октябрь", "ตุลาคม", "ต.ค."],
        ["noiembrie", "νοεμβρίου", "νοέμβριος", "novembra", "studenoga", "studenog", "lapkričio", "novembris", "ноября", "ноябрь", "พฤศจิกายน", "พ.ย."],
        ["decembrie", "δεκεμβρίου", "δεκέμβριος", "detsember", "decembra", "prosinca", "gruodžio", "decembris", "декабря", "декабрь", "ธันวาคม", "ธ.ค.", "desember"],
    ]

    /// Lower case without accents ("Μαρτίου" and "ΜΑΡΤΙΟΥ" are one name).
    static func fold(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    /// The names as one regular-expression alternation, longest first, then the English three-letter stems.
    static let pattern: String = {
        let names = numbers.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
            .map(NSRegularExpression.escapedPattern(for:))
        return "(" + names.joined(separator: "|") + #"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"#
    }()

    /// The month number of a name matched by ``pattern`` ("febrero" 2, "Sept." 9); 0 when it names none.
    static func number(_ name: String) -> Int {
        if let number = numbers[name.lowercased()] ?? numbers[fold(name)] { return number }
        let key = fold(name).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let number = numbers[key] { return number }
        let stems = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return (stems.firstIndex(of: String(key.prefix(3))) ?? -1) + 1
    }
}
