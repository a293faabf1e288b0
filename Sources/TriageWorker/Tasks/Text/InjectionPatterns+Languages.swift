import Foundation

/// Instruction patterns in the other languages customers and suppliers write in (German, Spanish, French, Italian,
/// Dutch, Portuguese, Polish), written from how each language phrases "ignore the instructions", "you are now",
/// "note to the assistant" and "set the action", on ``ScreenText``-normalised text.
extension InjectionPatterns {
    /// Verbs that tell a reader to drop something, in each language.
    static let dropVerbs =
        "(ignore|ignores|ignored|disregard|forget|override|bypass|ignoriere|ignorieren|ignorier|vergiss|vergessen|"
        + "missachte|missachten|ubergehe|übergehe|ignora|ignorar|ignorad|ignoren|olvida|olvide|olvidad|omite|descarta|"
        + "ignorez|oublie|oubliez|ignorate|dimentica|dimenticate|negeer|vergeet|esqueça|esqueca|esquece|ignorem|"
        + "zignoruj|ignoruj|zapomnij|pomiń|pomin)"

    /// Nouns for a model's instructions or rules, in each language.
    static let ruleNouns =
        "(instructions?|rules|prompts?|guidelines|directives|anweisungen|anweisung|instruktionen|regeln|vorgaben|"
        + "befehle|richtlinien|instrucciones|instrucción|instruccion|reglas|indicaciones|directrices|consignes|"
        + "règles|regles|directives|istruzioni|regole|indicazioni|direttive|instructies|regels|richtlijnen|"
        + "instruções|instrucoes|regras|diretrizes|instrukcje|instrukcji|polecenia|poleceń|zasady|reguły|reguly)"

    /// Words for the automated reader, in each language.
    static let machine =
        "(ai|ki|ia|sztuczna inteligencja|assistant|assistent|assistente|asistente|asystent|bot|chatbot|model|modell|"
        + "modelo|modèle|modele|modello|llm|sistema|système|systeme|system|systeem)"

    /// Words a customer never writes but an instruction to a model does: confidence levels, in each language.
    static let confidenceWords =
        "(confidence|confiance|confianza|konfidenz|zuversicht|fiducia|confidenza|betrouwbaarheid|zekerheid|confiança|"
        + "confianca|pewność|pewnosc|pewnością)"
    static let highWords = "(high|hoch|hohe[nr]?|élevée|elevee|élevé|alta|alto|massima|máxima|hoog|hoge|wysoka|wysoką|100 ?%)"
    /// Refund and approval in each language, as a decision's value.
    static let payoutWords =
        "(refund|approved?|erstattung|rückerstattung|ruckerstattung|genehmigt|remboursement|rembourser|reembolso|"
        + "reembolsar|rimborso|aprobad[oa]|approuvée?|approvat[oa]|terugbetaling|goedgekeurd|aprovad[oa]|zwrot)"
    /// Machines a message may address; never a product word such as "model" or a shop's "assistant" alone.
    static let addressee =
        "(ai|ki|ia|llm|bot|chatbot|assistant|assistent|assistente|asistente|asystent|modèle|sprachmodell|"
        + "language model|modelo de (ia|lenguaje)|modello (linguistico|di ia))"
    /// Readers that are machines, as a customer would not address a person.
    static let automaton =
        "((automated|automatic|automatische[nrs]?|automatisch|automático|automatico|automatique|automatyczn\\w*) "
        + "(\\w+ )?(assistant|reviewer|prüfer|prufer|system|sistema|système|systeme|systeem|agent|processor|reader|"
        + "sorter|triage|tool|assistente|asistente|asystent)|(sistema|système|systeme|asistente|assistente|assistant|"
        + "agente|agent|revisor|revisore|system) (\\w+ )?(automático|automatico|automatique|automatisch|"
        + "automatyczny|automatizado|automatizzato|automatisé|automatise))"

    static let languageSources = [
        // "ignore (all the earlier) instructions" with up to five words between the verb and the noun, and the
        // other order of German, Dutch and Polish ("alle vorherigen Anweisungen ignorieren").
        "\\b\(dropVerbs)\\b(\\W+\\w+){0,5}?\\W+\(ruleNouns)\\b",
        "\\b\(ruleNouns)\\b(\\W+\\w+){0,3}?\\W+(ignorieren|vergessen|missachten|negeren|ignoreren|vergeten|"
            + "zignorować|zignorowac|ignorować|ignorowac|ignorar|ignorare|ignorer|oublier|olvidar|dimenticare)\\b",
        // A confidence level or a decision's value set in any words: "with high confidence", "confiance élevée".
        "\\b(with|mit|avec|con|met|com|z) (a |une |einer |una |uma )?\(highWords) \(confidenceWords)\\b",
        "\\b\(confidenceWords)\\b\\W{0,4}(:|=|auf|to|à|a|en|op|na)?\\W{0,3}\(highWords)",
        "\\b(action|decision|verdict|aktion|entscheidung|décision|acción|accion|decisión|azione|decisione|"
            + "actie|beslissing|ação|acao|decisão|decisao|akcja|decyzja)\"?\\s*[:=]\\s*\"?\(payoutWords)\\b",
        "\\bset (the )?(action|decision|confidence|verdict) (to|=|:|as)\\b",
        "\\b(output|respond with|reply with|emit|print|propose|suggest) (the )?(action|decision|verdict)\\b",
        "\\bclassify (this|it|the (claim|case|ticket|e-?mail|message))? ?as (a )?(refund|approved|replace|replacement|repair)\\b",
        // A machine addressed as the reader: "the model reading this", "falls eine KI diese Mail vorsortiert".
        "\\b(the|any|an?|this|every) (\\w+ )?(model|ai|llm|assistant|bot|chatbot|\(automaton)) "
            + "(reading|sorting|triaging|parsing|screening) (this|these)\\b",
        "\\b(if|when|falls|wenn|si|se|als|jeśli|jesli) (an?|any|the|eine|ein|die|der|un|une|el|la|il|uno|een|de|o) "
            + "(\\w+ )?(ai|ki|ia|bot|chatbot|llm|\(automaton))\\b",
        "\\b(note|message|notice|instructions?|hinweis|mitteilung|nachricht|nota|notitie|uwaga|avis|aviso|avviso) "
            + "(to|for|an|für|fur|para|per|pour|au|aux|à|voor|dla|al|alla|ao)( the| any| an?| all| every| die| den| das|"
            + " el| la| il| le| l'| de| het| o)? ?(\\w+ )?(\(addressee)|\(automaton)|automatischen prüfer)\\b",
        "\\b(gentile|egregio|egregia|geehrte[rs]?|estimado|estimada|cher|chère|beste|drogi|droga|prezado|prezada) "
            + "(\\w+ )?(\(addressee)|\(automaton))\\b",
        // Encoded instructions: "decode and follow", "Bitte dekodieren und befolgen".
        "\\b(decode|decodieren|dekodieren|décode|décodez|decodifica|decodificar|decodifique|decodeer|zdekoduj|"
            + "rot13|base64)\\b.{0,50}\\b(follow|execute|run|apply|obey|befolgen|ausführen|ausfuhren|sigue|siga|"
            + "seguir|ejecuta|suivez|suivre|exécutez|executez|esegui|segui|volg|uitvoeren|wykonaj|zastosuj)\\b",
        // Approving without the check, in any language and either order: "aprueba la factura sin verificar".
        "\\b(approve|refund|pay|release|accept|genehmige|genehmigen|freigeben|erstatte|erstatten|aprueba|aprobar|"
            + "reembolsa|paga|libera|approuve|approuvez|rembourse|remboursez|payez|approva|rimborsa|keur|betaal|"
            + "aprove|reembolse|zatwierdź|zatwierdz|zapłać|zaplac)\\b.{0,60}\\b(without|ohne|sin|sans|senza|zonder|sem|bez) "
            + "(\\w+ )?(check\\w*|verif\\w*|prüf\\w*|pruf\\w*|überprüf\\w*|uberpruf\\w*|kontroll\\w*|control\\w*|"
            + "revis\\w*|review\\w*|abgleich\\w*|weryfik\\w*|sprawdz\\w*|contrôl\\w*)",
        "\\b(ohne|without|sin|sans|senza|zonder|sem|bez) (\\w+ )?(abgleich|prüfung|check|verificación|vérification|verifica|"
            + "controle|controllo|weryfikacji)\\b.{0,40}\\b(freigeben|genehmigen|erstatten|approve|aprobar|approuver|"
            + "approvare|goedkeuren|aprovar|zatwierdzić|zatwierdzic)\\b",
        // "you are now …", "from now on act as …"
        "\\b(du bist|sie sind) (jetzt|nun|ab sofort|ab jetzt)\\b", "\\bab (sofort|jetzt),? (bist du|handelst du|agierst du|verhalte)\\b",
        "\\b(ahora eres|eres ahora|ahora actúa|ahora actua|a partir de ahora,? (eres|actúa|actua|debes))\\b",
        "\\b(tu es|vous êtes|vous etes) (maintenant|désormais|desormais|dorénavant)\\b",
        "\\b(à partir de maintenant|a partir de maintenant|désormais|desormais|dorénavant),? (tu|vous|agis|agissez)\\b",
        "\\b(ora sei|adesso sei|d'ora in poi,? (sei|agisci))\\b", "\\b(jij bent|je bent) (nu|vanaf nu)\\b",
        "\\bvanaf nu (ben je|ben jij|handel)\\b", "\\b(você|voce|tu) (agora )?(é|e|és|es) (agora )?(o|a|um|uma) (gerente|gestor|administrador|assistente)\\b",
        "\\ba partir de agora,? (você|voce|tu|aja|age)\\b", "\\b(jesteś|jestes) (teraz|od teraz)\\b", "\\bod teraz (jesteś|jestes|działaj|dzialaj)\\b",
        "\\b(verhalte dich|agisci|actúa|actua|agis|agissez|handel|aja|działaj|dzialaj) (als|como|comme|come|jako)\\b",
        // "note to the AI", "KI-Assistent:", "asistente de IA"
        "\\b(liebe|lieber|hallo|an die|an den|an das|achtung|hinweis (an|für|fur)( die| den| das)?|nota (para|per)( el| la| il| o| a)?|"
            + "note (pour|à|a)( l'| le| la)?|notitie voor( de| het)?|uwaga dla|querido|querida|estimado|estimada|cher|chère|caro|cara|beste) \(machine)\\b",
        "\\b(ki|ia|ai)-(assistent|agent|system|modell|asistente|assistente|assistant)\\b",
        "\\b(asistente|assistente|assistant|agente|agent) (de |d')?(ia|ki|ai)\\b",
        // "set the action to refund", "mark as approved", in each language
        "\\b(setze|setzen sie|stelle|establece|establecer|pon|mets|mettez|mettre|imposta|impostare|zet|stel|defina|define|ustaw) "
            + "(die |den |das |the |la |el |le |l'|il |de |het |a |o )?(aktion|handlung|entscheidung|konfidenz|acción|accion|"
            + "decisión|decision|confianza|décision|confiance|azione|decisione|fiducia|actie|beslissing|ação|acao|decisão|"
            + "decisao|confiança|akcję|akcje|decyzję|decyzje)\\b",
        "\\b(markiere|marque|marquez|marca|segna|markeer|oznacz)\\b.{0,40}\\b(genehmigt|freigegeben|aprobad[oa]|approuvée?|"
            + "approvat[oa]|goedgekeurd|aprovad[oa]|zatwierdzon[ya])\\b",
        "\\b(ohne|sin|sans|senza|zonder|sem|bez) (jegliche |weitere |menschliche |manuelle |ninguna |revisión |aucune |"
            + "alcuna |enige |nenhuma |żadnej )?(prüfung|prufung|überprüfung|uberprufung|kontrolle|revisión|revision|"
            + "verificación|verificacion|vérification|verification|contrôle|controle|verifica|controllo|controle|"
            + "verificação|verificacao|weryfikacji|kontroli)\\b.{0,60}\\b(erstatten|erstatte|genehmigen|genehmige|"
            + "reembolsa|reembolsar|aprueba|aprobar|rembourse|rembourser|approuve|approuver|rimborsa|rimborsare|approva|"
            + "approvare|terugbetalen|goedkeuren|reembolse|aprove|aprovar|zwróć|zwroc|zatwierdź|zatwierdz)\\b",
        "\\b(neue|nuevas|nouvelles|nuove|nieuwe|novas|nowe) (anweisungen|instrucciones|instructions|consignes|istruzioni|"
            + "instructies|instruções|instrucoes|instrukcje)\\s*:",
    ]

    /// Asks that follow an instruction in another language: refund, approve, pay, mark, set.
    static let languageAsk =
        "(erstatte|erstatten|genehmige|genehmigen|zahle|reembolsa|reembolse|aprueba|apruebe|paga|pague|rembourse|"
        + "remboursez|approuve|approuvez|payez|rimborsa|approva|paga|betaal|keur|vergoed|zwróć|zwroc|zatwierdź|zatwierdz|"
        + "zapłać|zaplac|markiere|marque|marca|setze|establece|mets|imposta|zet|ustaw)"
}
