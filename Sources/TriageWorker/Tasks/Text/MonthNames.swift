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
            numbers[english[index]] = index + 1
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

    /// English names: their abbreviations ("Mar", "Sept.") are read first, as most documents print them.
    static let english = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// Lower case without accents ("Μαρτίου" and "ΜΑΡΤΙΟΥ" are one name).
    static func fold(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    /// A word where a month name may stand (abbreviations with their dots, Thai's "ม.ค." too); ``number(_:)``
    /// says whether it names one. One word pattern and a lookup are many times faster than an alternation of
    /// every name at every number of a document.
    static let pattern = #"([\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+)*\.?)"#

    /// The month number of a name ("febrero" 2, "ΜΑΡΤΙΟΥ" 3), or of an abbreviation of three letters or more that
    /// only one month's names begin with ("Sept." 9, "Okt." 10, "févr." 2); 0 when it names none ("market").
    static func number(_ name: String) -> Int {
        if let number = numbers[name.lowercased()] { return number }
        let key = fold(name).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let number = numbers[key] { return number }
        guard key.count >= 3, key.allSatisfy(\.isLetter) else { return 0 }
        if let english = english.firstIndex(where: { $0.hasPrefix(key) }) { return english + 1 }
        let months = Set(numbers.filter { $0.key.hasPrefix(key) }.map(\.value))
        return months.count == 1 ? months.first! : 0
    }
}
