import Foundation
import Testing

@testable import TriageWorker

/// The legal entity at the head of a document, on SROIE receipt heads and on heads written elsewhere.
@Suite("Supplier at the head of a document")
struct SupplierHeadTests {
    @Test("SROIE heads", arguments: [
        ("TAN WOON YANN\nMR D.I.Y. (M) SDN BHD\n(CO. RFG : 860671-D)\nLOT 1851-A & 1851-B, JALAN KPB 6,", "MR D.I.Y. (M) SDN BHD"),
        ("HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G & 115G, JALAN SETIA GEMBILANG", "HOME MASTER HARDWARE & ELECTRICAL"),
        ("3-1707067\n(481500-M)\nC W KHOO HARDWARE SDN BHD\nNO.50 , JALAN PBS 14/11 ,", "C W KHOO HARDWARE SDN BHD"),
        ("POPULAR BOOK\nCO. (M) SDN BHD\n(CO. NO. 113825-W)", "POPULAR BOOK CO. (M) SDN BHD"),
        ("99 SPEED MART S/B (519537-X)\nLOT P.T. 2811, JALAN ANGSA,", "99 SPEED MART S/B"),
        ("TAX INVOICE\nBHPETROL SUBANG AIRPORT\nJALAN LAPANGAN TERBANG SUBANG\n47200 SUBANG", "BHPETROL SUBANG AIRPORT"),
        ("SUBWAY#42210-0 PHONE 03-78870693\nURBAN IDEA SDN BHD (417940-M),\nA-G-06, DATARAN GLOMAC,", "URBAN IDEA SDN BHD"),
    ])
    func sroie(_ head: String, _ expected: String) {
        #expect(SupplierHead.name(in: head) == expected)
    }

    @Test("heads from other countries", arguments: [
        ("Rechnung\nMüller & Söhne GmbH\nHauptstraße 12\n80331 München\nUSt-IdNr.: DE123456789", "Müller & Söhne GmbH"),
        ("Greenfield Stationers Ltd\n14 Market Street\nLeeds LS1 6DT\nVAT Reg No 123 4567 89", "Greenfield Stationers Ltd"),
        ("Lim Brothers Pte. Ltd.\nBlk 221 Boon Lay Place #01-12\nSingapore 640221\nGST Reg: M2-0012345-6", "Lim Brothers Pte. Ltd."),
        ("Tel: (212) 555-0187\nHudson Valley Feed & Seed, Inc.\n2 Front St\nKingston, NY 12401", "Hudson Valley Feed & Seed, Inc."),
        ("Ferretería Los Álamos S.L.\nCalle Mayor 4, 28013 Madrid\nCIF B12345678", "Ferretería Los Álamos S.L."),
        ("Kahvila Aalto Oy\nY-tunnus 1234567-8\nKauppakatu 3, 00100 Helsinki", "Kahvila Aalto Oy"),
    ])
    func elsewhere(_ head: String, _ expected: String) {
        #expect(SupplierHead.name(in: head) == expected)
    }

    @Test("a head of only addresses, numbers and titles names no one")
    func nobody() {
        #expect(SupplierHead.name(in: "TAX INVOICE\n12, Jalan Ampang\n50450 Kuala Lumpur\nTel: 03-2161 0000") == nil)
    }
}
