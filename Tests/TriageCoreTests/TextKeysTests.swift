import Testing
import TriageCore

@Suite("TextKeys")
struct TextKeysTests {
    @Test func idsCompareByUpperCaseASCIILettersAndDigits() {
        #expect(TextKeys.idKey("po 7781") == "PO7781")
        #expect(TextKeys.idKey("PO-7781") == TextKeys.idKey("po/7781"))
    }

    @Test func namesReadAmpersandAsAndByDefault() {
        #expect(TextKeys.nameKey("Smith & Sons") == TextKeys.nameKey("smith and sons"))
        #expect(TextKeys.nameKey("Chloé O'Neill") == "chloeoneill")
    }

    @Test func scoringMayDropTheAmpersand() {
        #expect(TextKeys.nameKey("Bean & Leaf Co.", ampersand: .dropped) == TextKeys.nameKey("bean leaf co"))
        #expect(TextKeys.nameKey("Bean & Leaf Co.") != TextKeys.nameKey("bean leaf co"))
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
    }
}
