"""Hand-written templates of the accuracy corpus, by kind of document.

`{slot}` marks a value filled at generation time (see generate.py for the slot names): `p1.full`
is a person, `o1.siret` a company's SIRET, `x.price` an unlabelled look-alike (hard negative),
`n.pub` a public body (neutral). Everything else is literal text, braces included when they are
not followed by a lower-case slot name.
"""

# fmt: off
# ============================================================ client e-mails (French)
EMAIL_SUBJECTS = [
    "Objet : {project} – point d'avancement",
    "Objet : Devis n° {x.invoice}",
    "Objet : RE: facture {x.invoice} – relance",
    "Objet : Compte rendu de la réunion du {x.date}",
    "Objet : Contrat de prestation {o1.name}",
    "Objet : TR: coordonnées bancaires mises à jour",
    "Objet : Accès au serveur de préproduction",
    "Objet : Proposition commerciale – {project}",
    "Objet : Relance paiement",
    "Objet : Onboarding de {p2.full}",
    "Objet : Rendez-vous à {city}",
    "Objet : Urgent – pièces manquantes pour le dossier",
    "Objet : Votre commande {x.order}",
    "Objet : Invitation : atelier de cadrage",
    "Objet : [Confidentiel] Résiliation du contrat",
]
GREETINGS_FR = [
    "Bonjour {p1.first},", "Bonjour {p1.civ} {p1.last},", "{p1.cher} {p1.first},", "Madame, Monsieur,",
    "Bonjour à tous,", "Hello {p1.first} !", "Bonjour {p1.Civ},", "{p1.cher} {p1.civ} {p1.last},",
    "Bonjour {p1.full},", "Bonsoir {p1.first},", "Salut {p1.first},", "Bonjour {p1.Civ} {p1.last},",
]
EMAIL_BODIES_FR = [
    "Suite à notre échange téléphonique de ce matin, je vous confirme que {o1.name} souhaite lancer la {project} dès le mois prochain. Le budget validé est de {x.price}.",
    "Comme convenu, vous trouverez ci-joint le devis {x.invoice} pour un montant de {x.price}. Il reste valable trente jours.",
    "Pouvez-vous me rappeler au {p1.phone} quand vous aurez un moment ? Je suis joignable jusqu'à {x.time}.",
    "Je vous mets en copie {p2.full}, notre responsable technique, qui suivra le projet de notre côté. Vous pouvez {p2.la} joindre directement à l'adresse {p2.email}.",
    "Notre nouvelle adresse de facturation est la suivante :\n{o1.addr_ml}\nMerci de mettre à jour vos fiches.",
    "Pour le virement, voici nos coordonnées bancaires : IBAN {o1.iban} – BIC {o1.bic}. Merci d'indiquer la référence {x.invoice} dans le libellé.",
    "La réunion de lancement aura lieu le {x.date} à {x.time} dans nos locaux de {city}. {p2.full} y participera également.",
    "J'ai bien reçu votre facture, mais le numéro SIRET indiqué ({x.bad_siret}) ne semble pas correct. Pourriez-vous vérifier ? Le bon numéro devrait être {o1.siret}.",
    "{p2.first} m'a transmis vos remarques sur la maquette. Nous intégrerons les corrections d'ici {x.date}.",
    "Petite précision : le contact côté comptabilité est désormais {p3.civ} {p3.full} ({p3.email}, {p3.fixe}).",
    "Je serai en déplacement en {region} toute la semaine prochaine, mais je reste joignable par mail.",
    "Nous avons rencontré hier {p2.civ} {p2.last}, direct{p2.rice} de {o2.name}, qui serait intéressé par une collaboration.",
    "Merci de nous renvoyer le bon de commande signé ainsi qu'un extrait Kbis. Pour rappel, notre numéro de TVA intracommunautaire est {o1.tva}.",
    "Les accès à l'outil de suivi vous seront envoyés par {p2.first} ; le lien de partage est le suivant : {url_token}",
    "Je me permets de vous relancer concernant la facture {x.invoice} d'un montant de {x.price}, arrivée à échéance le {x.date}.",
    "Vous pouvez consulter la maquette sur {o1.url} (identifiant : demo, mot de passe : {pwd}).",
    "{p2.FirstLAST} prendra le relais pendant mon absence, du {x.date} au {x.date}.",
    "J'ai transmis votre dossier à {n.pub}, qui devrait nous répondre sous quinze jours.",
    "Rappel : le séminaire se tiendra à l'hôtel, {addr}. Un parking est disponible sur place.",
    "Pour toute question sur la livraison, {p3.first} reste votre interlocuteur : {p3.phone}.",
    "Je vous confirme la commande {x.order} de {x.qty}. La livraison est prévue pour le {x.date}.",
    "Nous sommes ravis de compter {o1.name} parmi nos clients ! {p2.full} vous contactera dans la journée pour organiser l'installation.",
    "Le fichier est trop lourd pour être envoyé par mail, je l'ai déposé ici : {url_token}",
    "Attention : notre ancien numéro de téléphone ({x.invoice}) n'est plus attribué, merci d'utiliser le {o1.phone}.",
    "Petite mise à jour : le prototype tourne sur notre serveur de test ({ip}) ; n'hésitez pas à le tester.",
    "Le rendez-vous chez le notaire, Maître {p3.last}, est fixé au {x.date}. Merci d'apporter une pièce d'identité.",
    "Je vous transmets les coordonnées de notre expert-comptable : {p3.full}, cabinet {o2.name}, {o2.addr}.",
    "Notre client {o2.name} nous demande de décaler la livraison d'une semaine. Est-ce envisageable de votre côté ?",
    "J'ai pris note de votre changement de RIB. Pour des raisons de sécurité, pouvez-vous me confirmer l'IBAN {iban} par téléphone au {p1.phone} ?",
    "Je suis à {city} jusqu'à jeudi, on peut se voir vendredi matin si cela vous convient.",
    "{p2.civ} {p2.last} sera absent{p2.e} du bureau jusqu'au {x.date}. En cas d'urgence, contactez {p3.first} au {p3.phone}.",
    "Le montant total s'élève à {x.price} (TVA {x.pct} incluse). Le règlement peut se faire par virement ou par carte.",
    "La version {x.version} de l'application est en ligne. Les notes de version sont sur le wiki interne.",
    "Je n'ai pas encore reçu le contrat signé par {p1.civ} {p1.last}. Pouvez-vous me le renvoyer scanné à {p2.email} ?",
    "Nous recherchons un photographe pour l'événement du {x.date} en {region}. Auriez-vous quelqu'un à nous recommander ?",
    "Bonne nouvelle : le financement de {n.pub} a été accordé. Nous pouvons démarrer la phase 2.",
    "{p2.full} ({o2.name}) souhaite une démonstration de l'outil. Son numéro direct : {p2.fixe}.",
    "Votre colis a été remis au transporteur ; le numéro de suivi est {x.order}.",
    "Je vous remercie de bien vouloir régler la somme de {x.price} avant le {x.date}, faute de quoi des pénalités de retard s'appliqueront.",
    "Je travaille actuellement depuis {city} ; n'hésitez pas à m'écrire plutôt qu'à m'appeler.",
    "Merci pour votre retour rapide. {p2.first} et moi avons relu le cahier des charges, tout nous semble clair.",
    "Nous avons bien noté votre nouvelle adresse : {p1.addr}.",
    "Pour l'ouverture de votre compte client, il nous faut votre numéro SIREN ({o1.siren}) et une attestation d'assurance.",
    "Pensez à ajouter {p2.email} à la liste de diffusion du projet.",
    "Le comité de pilotage est reporté au {x.date}. {p3.Civ} {p3.last} ne pourra pas être présent{p3.e}.",
    "Le lien de la visio : {url_meet}",
    "Je vous conseille d'en parler avec {p2.first}, qui connaît très bien le dossier {o2.name}.",
    "La facture {x.invoice} a été payée par carte bancaire ; les quatre derniers chiffres de la carte sont 4821.",
    "Le transporteur passera récupérer la marchandise à l'entrepôt de {city} le {x.date} entre {x.time} et {x.time}.",
    "Bien reçu, merci ! Je reviens vers vous dès que {p2.first} aura validé le planning.",
]
CLOSINGS_FR = [
    "Cordialement,", "Bien cordialement,", "Bien à vous,", "Belle journée,", "Merci d'avance,",
    "Je reste à votre disposition pour tout complément d'information.\nCordialement,",
    "Dans l'attente de votre retour, je vous prie d'agréer mes salutations distinguées.",
    "À bientôt,", "Bonne fin de semaine,", "Très cordialement,", "Merci et bonne journée,",
]
SIGNATURES_FR = [
    "{p9.full}\n{o9.name}\n{p9.phone}",
    "{p9.FirstLAST}\nGérant{p9.e} – {o9.name}\n{o9.addr_ml}\nTél. : {p9.fixe}\nPort. : {p9.phone}\n{o9.url}",
    "--\n{p9.full} | Consultant{p9.e} indépendant{p9.e}\n{p9.email} | {p9.phone}",
    "{p9.first}",
    "{p9.full}\nResponsable administrative et financière\n{o9.name}\n{o9.addr}\nT. {o9.phone}",
    "{p9.full}\nDirecteur commercial\n{p9.email}\nLigne directe : {p9.fixe}\nMobile : {p9.phone}",
    "{p9.FirstLAST}\n{o9.NAME}\n{o9.addr_ml}\nSIRET {o9.siret}",
    "---\n{p9.full}\nFreelance – développement web\n{p9.addr_ml}\n{p9.phone} · {p9.email}",
    "{p9.full}\n{o9.name} – {o9.addr}\n{o9.phone} – {o9.url}\nCe message et ses pièces jointes sont confidentiels.",
    "{p9.init}\n{o9.name}",
    "{p9.full}\nChef de projet\nEnvoyé de mon iPhone",
    "{p9.full} – {o9.name}\n{p9.phone}\nPensez à l'environnement avant d'imprimer ce mail.",
]

# ============================================================ English e-mails (mixed with French data)
EN_GREETINGS = ["Hi {e1.first},", "Dear {e1.first},", "Hello {e1.full},", "Dear Mr {e1.last},", "Hi team,",
                "Good morning {e1.first},", "Dear Ms {e1.last},"]
EN_BODIES = [
    "Thanks for the call earlier. As discussed, our French subsidiary {o1.name} (SIRET {o1.siret}) will be the contracting entity.",
    "Please find attached the invoice for the {project}. Payment should be made to IBAN {o1.iban}, BIC {o1.bic}.",
    "You can reach our project lead, {p1.full}, on {p1.phone} or at {p1.email}.",
    "I will be in {city} next week for the kick-off meeting; could we meet on Tuesday at the office?",
    "Our billing address has changed:\n{o1.addr_ml}\n{n.france}",
    "Just a heads-up: {e2.full} from {o2.name} is joining the steering committee; you can email them at {e2.email}.",
    "The staging server is at {ip} and the admin panel at {url_token}. Please do not share these links.",
    "Could you send me the signed NDA by Friday? {p1.first} needs it before granting access to the repository.",
    "I've updated the contact sheet: {e2.full}, {phone_foreign}, {e2.email}.",
    "For the VAT invoice we need your intra-community VAT number; ours is {o1.tva}.",
    "The courier will pick up the parcel at {addr} on {x.date}.",
    "We spoke with {p2.civ} {p2.last} from the legal team, who confirmed that the contract can be signed electronically.",
    "Regarding the expense claim: the rental car ({plate}) was returned with a full tank.",
    "Thanks {e1.first}! I've shared the deck with {p1.first} and {p2.first}; they'll get back to you by {x.date}.",
    "Our new office is located at {uk_addr}. Feel free to drop by any time.",
    "For security reasons, please rotate the API key I accidentally pasted in the ticket yesterday ({secret}).",
    "The candidate, {p1.full} (DOB: {p1.dob_en}), currently lives in {city}. References are attached.",
    "Unfortunately the card ending in 4821 was declined; could you use the company card {card} instead?",
    "We'd love to have {o2.name} on board for the pilot in {region}.",
    "I'm forwarding the message from {p2.full} ({p2.email}) about the delayed delivery.",
]
EN_CLOSINGS = ["Best regards,", "Kind regards,", "Cheers,", "Thanks,", "Best,", "Many thanks,"]
EN_SIGNATURES = ["{e9.full}\n{o9.name}\n{phone_foreign}", "{e9.first}", "{e9.full} | Head of Operations\n{e9.email}",
                 "{p9.full}\nAccount Manager – {o9.name}\n{p9.phone}"]

# ============================================================ invoices and quotes
INVOICES = [
    "{o1.NAME}\n{o1.addr_ml}\nSIRET : {o1.siret} – TVA intracom. : {o1.tva}\nTél. {o1.phone} – {o1.email}\n\nFACTURE N° {x.invoice}\nDate : {x.date}\n\nClient :\n{o2.name}\nÀ l'attention de {p1.civ} {p1.full}\n{o2.addr_ml}\n\nDésignation                         Qté   PU HT      Total HT\nDéveloppement {project}              {x.qty}\nMaintenance mensuelle                1     {x.price}\n\nTotal HT : {x.price}\nTVA {x.pct} : {x.price}\nTotal TTC : {x.price}\n\nConditions de paiement : 30 jours fin de mois.\nRèglement par virement : IBAN {o1.iban} – BIC {o1.bic}\nEn cas de retard, pénalités au taux de {x.pct} et indemnité forfaitaire de 40 €.",
    "FACTURE\n\nÉmetteur : {p1.full} – Entrepreneur individuel\n{p1.addr_ml}\nSIRET {siret}\nTVA non applicable, art. 293 B du CGI\n\nFacturé à : {o1.name}, {o1.addr}\n\nFacture n° {x.invoice} du {x.date}\n\n- Prestation de conseil (5 jours × {x.price}) : {x.price}\n- Frais de déplacement {city} – {city} : {x.price}\n\nNet à payer : {x.price}\nÀ régler avant le {x.date} par virement sur le compte {p1.rib} (RIB) ou l'IBAN {p1.iban}.",
    "Facture {x.invoice}\n{o1.name} · {o1.addr}\nSIREN {o1.siren} · RCS {o1.rcs}\n\nClient : {p1.FirstLAST}\nAdresse de livraison :\n{p1.addr_ml}\n\nCommande {x.order} – {x.date}\nArticle : Fauteuil « Louise », coloris {x.colour} – {x.price}\nArticle : Lampe « Rose », finition {x.colour} – {x.price}\nLivraison : offerte\nTotal TTC : {x.price}\n\nPayé par carte Visa n° {card}",
    "NOTE D'HONORAIRES N° {x.invoice}\n\nCabinet {o1.name}\n{o1.addr_ml}\nTVA : {o1.tva}\n\nDossier : {p1.LASTfirst} c/ {o2.NAME}\nHonoraires forfaitaires : {x.price} HT\nDébours : {x.price}\nTotal : {x.price} TTC\n\nRèglement par chèque à l'ordre du cabinet ou par virement : {o1.iban} ({o1.bic}).",
    "Bonjour,\n\nVeuillez trouver ci-dessous le récapitulatif de la facture {x.invoice} :\nClient : {o1.name} (SIRET {o1.siret})\nMontant : {x.price}\nÉchéance : {x.date}\nRéférence à rappeler : {x.order}\n\nAttention : le SIRET {x.bad_siret} figurant sur votre bon de commande est erroné.",
    "AVOIR N° {x.invoice}\nAnnule et remplace la facture {x.invoice}\n\n{o1.name}\nSiège : {o1.addr}\nSIRET {o1.siret}\n\nBénéficiaire : {o2.name}, représentée par {p1.full}\nMontant de l'avoir : {x.price}\nRemboursement sur le compte IBAN {o2.iban}.",
    "Relevé de prestations – {x.date}\nPrestataire : {p1.full} ({p1.email})\nN° SIREN : {siren}\nMission : {project} pour le compte de {o1.name}\nJours facturés : 12 × {x.price} = {x.price}\nNote : le n° de dossier {x.dossier} n'est pas un numéro d'entreprise.",
    "Facture acquittée\n\n{o1.name} – {o1.addr}\nClient : {p1.civ} {p1.last}\nIntervention du {x.date} au domicile du client : {p1.addr}\nMain-d'œuvre : {x.price}\nPièces : {x.price}\nTotal payé : {x.price} par carte bancaire (CB {card}).",
]
QUOTES = [
    "DEVIS N° {x.invoice}\n\n{o1.name}\n{o1.addr_ml}\nSIRET {o1.siret}\n\nÀ l'attention de {p1.civ} {p1.full}, {o2.name}\n\nObjet : {project}\n\n1. Ateliers de cadrage (2 jours) : {x.price}\n2. Conception et maquettes : {x.price}\n3. Développement : {x.price}\n\nTotal HT : {x.price}\nValidité de l'offre : 60 jours.\nBon pour accord, date et signature :",
    "Proposition commerciale\nPréparée pour : {o2.name} ({p1.full})\nPar : {p2.full}, {p2.email}, {p2.phone}\n\nContexte : {o2.name} souhaite moderniser son outil de gestion des stocks, aujourd'hui sous Excel.\nBudget estimé : {x.price} HT, hors frais de déplacement à {city}.\nAcompte de 30 % à la commande.",
    "Devis travaux – {x.date}\nEntreprise {o1.name}, {o1.addr}, tél. {o1.phone}\nClient : {p1.LASTfirst}, {p1.addr}\nTravaux : rénovation de la salle de bains, carrelage {x.colour}, peinture {x.colour}.\nMontant : {x.price} TTC (TVA {x.pct}).\nAssurance décennale n° {x.order}.",
    "Estimation – refonte du site de {o2.name}\nInterlocuteur : {p1.FirstLAST}\nHébergement recommandé : {n.host}\nLot 1 : {x.price}\nLot 2 : {x.price}\nOption maintenance : {x.price} par mois.",
    "Chiffrage rapide pour {p1.firstl} (demande reçue via la plateforme) :\n- audit SEO : {x.price}\n- rédaction de 10 articles : {x.price}\nDélai : 3 semaines. Je peux commencer le {x.date}.",
]

# ============================================================ contracts
CONTRACT_HEADERS = [
    "CONTRAT DE PRESTATION DE SERVICES\n\nEntre les soussignés :\n\nLa société {o1.name}, société par actions simplifiée au capital de {x.price}, immatriculée au RCS de {o1.rcs} sous le numéro {o1.siren}, dont le siège social est situé {o1.addr}, représentée par {p1.civ} {p1.full}, en sa qualité de Président{p1.e},\n\nci-après « le Client »,\n\nEt\n\n{p2.Civ} {p2.full}, entrepreneur individuel, immatriculé{p2.e} sous le numéro SIRET {siret}, demeurant {p2.addr},\n\nci-après « le Prestataire ».",
    "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE\n\nEntre : {o1.name}, {o1.addr}, SIRET {o1.siret}, représentée par {p1.full},\nEt : {p2.Civ} {p2.LASTfirst}, {p2.ne} le {p2.dob} à {city}, de nationalité française, demeurant {p2.addr}, n° de sécurité sociale {p2.nir}.",
    "ACCORD DE CONFIDENTIALITÉ\n\nLe présent accord est conclu entre {o1.name} (SIREN {o1.siren}), ayant son siège {o1.addr}, et {o2.name}, ayant son siège {o2.addr}, chacune représentée par son dirigeant.",
    "BAIL D'HABITATION (loi du 6 juillet 1989)\n\nBailleur : {p1.Civ} {p1.full}, demeurant {p1.addr}.\nLocataire : {p2.Civ} {p2.full}, {p2.ne} le {p2.dob}, titulaire de la carte nationale d'identité n° {p2.cni}.\nLogement : {addr_ml}\nLoyer mensuel : {x.price}, charges : {x.price}.",
]
# Each clause starts with the contracts it fits (P prestation, C CDI, N NDA, B bail) and a bar.
CONTRACT_CLAUSES = [
    "PN|Article 1 – Objet. Le présent contrat a pour objet de définir les conditions dans lesquelles le Prestataire réalise pour le Client la {project}.",
    "PCNB|Article 2 – Durée. Le contrat prend effet le {x.date} pour une durée de douze mois, renouvelable par tacite reconduction.",
    "P|Article 3 – Rémunération. En contrepartie, le Client verse au Prestataire la somme forfaitaire de {x.price}, payable en trois échéances.",
    "P|Article 4 – Paiement. Les paiements sont effectués par virement sur le compte IBAN {p2.iban} ouvert au nom du Prestataire.",
    "PCN|Article 5 – Confidentialité. Chaque partie s'engage à ne divulguer aucune information confidentielle, y compris les données relatives aux clients de l'autre partie.",
    "P|Article 6 – Propriété intellectuelle. Les livrables deviennent la propriété du Client après paiement intégral du prix.",
    "PCNB|Article 7 – Résiliation. Chaque partie peut résilier le contrat par lettre recommandée avec accusé de réception, moyennant un préavis d'un mois.",
    "PCN|Article 8 – Données personnelles. Le Prestataire traite les données conformément au règlement (UE) 2016/679. Le délégué à la protection des données du Client est {p3.full} ({p3.email}).",
    "PCN|Article 9 – Loi applicable. Le présent contrat est soumis au droit français. Tout litige relève du tribunal de commerce de {city}.",
    "C|Article 10 – Rémunération du salarié. Le salarié percevra une rémunération brute annuelle de {x.price}, versée en douze mensualités.",
    "C|Article 11 – Lieu de travail. Le salarié exercera ses fonctions au siège de la société, {o1.addr}, ainsi qu'en télétravail deux jours par semaine.",
    "B|Article 12 – Dépôt de garantie. Un dépôt de garantie de {x.price} est versé à la signature, restitué dans un délai de deux mois.",
    "P|Article 13 – Assurance. Le Prestataire déclare être assuré en responsabilité civile professionnelle (police n° {x.order}).",
]
CONTRACT_FOOTERS = [
    "Fait à {city}, le {x.date}, en deux exemplaires originaux.\n\nPour le Client : {p1.full}\nPour le Prestataire : {p2.full}",
    "Fait en double exemplaire à {city} le {x.date}.\n\nLu et approuvé,\n{p1.FirstLAST}                {p2.FirstLAST}",
    "Signé électroniquement le {x.date} par {p1.full} et {p2.full}.",
]

# ============================================================ CVs
CV_HEADERS = [
    "{p1.FULLCAPS}\nDéveloppeu{p1.euse} full-stack\n{p1.addr_ml}\n{p1.phone} – {p1.email}\n{p1.ne} le {p1.dob}\nPermis B",
    "CURRICULUM VITAE\n\nNom : {p1.LAST}\nPrénom : {p1.first}\nDate de naissance : {p1.dob}\nAdresse : {p1.addr}\nTéléphone : {p1.phone}\nCourriel : {p1.email}\nLinkedIn : {p1.linkedin}",
    "{p1.FirstLAST}\nGestion de projet digital\n{p1.email} | {p1.phone} | {city}\n{p1.linkedin}",
    "{p1.LASTfirst}\n{p1.ne} le {p1.dob} à {city}\n{p1.addr_ml}\nTél. {p1.phone}",
]
CV_SECTIONS = [
    "EXPÉRIENCE PROFESSIONNELLE\n{x.date} – aujourd'hui : Consultant{p1.e} data chez {o1.name} ({city})\n• Mise en place d'un entrepôt de données sous PostgreSQL\n• Encadrement d'une équipe de 4 personnes",
    "2018 – 2021 : Chargé{p1.e} de communication, {o2.name}, {city}\nRéférent : {p2.full}, {p2.phone}",
    "FORMATION\n2016 : Master Marketing digital, université de {city}\n2014 : Licence d'économie",
    "COMPÉTENCES\nPython, SQL, Docker, Figma, gestion de projet Agile (Scrum), anglais courant (TOEIC 940)",
    "CENTRES D'INTÉRÊT\nTrail en {region}, photographie, bénévolat dans une association de quartier.",
    "RÉFÉRENCES\n{p2.Civ} {p2.full}, direct{p2.rice} technique chez {o2.name} – {p2.email}\n{p3.Civ} {p3.full}, {p3.phone}",
    "Stage de fin d'études (6 mois) chez {o1.name} à {city} : refonte de l'outil de facturation.",
    "LANGUES\nFrançais (langue maternelle), anglais (C1), espagnol (B2)",
    "Disponible à partir du {x.date}. Mobilité : {region} et télétravail.",
    "PROJETS PERSONNELS\nApplication de covoiturage pour l'association des parents d'élèves de {city} ; code sur {p1.github}.",
]

# ============================================================ meeting notes
MEETING_HEADERS = [
    "Compte rendu – réunion du {x.date}\nParticipants : {p1.full} ({o1.name}), {p2.full}, {p3.FirstLAST}\nExcusé{p4.e} : {p4.full}",
    "CR COPIL {project} – {x.date}\nPrésents : {p1.init}, {p2.full}, {p3.full} (client)\nRédacteur : {p4.first}",
    "Notes de réunion (visio) – {x.date}, {x.time}\nAvec {p1.full} et {p2.first} de chez {o1.name}",
    "Point hebdo équipe\nAnimé par {p1.first} ; présents : {p2.first}, {p3.first}, {p4.first}",
]
MEETING_ITEMS = [
    "- {p1.first} présente l'avancement : 80 % des écrans sont terminés.",
    "- Le client ({o1.name}) demande un export Excel des commandes.",
    "- Action : {p2.first} envoie le devis révisé avant le {x.date}.",
    "- Décision : la mise en production est repoussée au {x.date}.",
    "- {p3.full} signale un problème de performance sur le serveur {ip}.",
    "- Budget consommé : {x.price} sur {x.price}.",
    "- Prochain point : {x.date} à {x.time}, dans les locaux de {o1.name} à {city}.",
    "- Risque : départ de {p4.full} en congé parental ; prévoir un remplaçant.",
    "- Le ticket {x.ticket} est résolu ; le correctif est déployé en {x.version}.",
    "- {p2.civ} {p2.last} rappelle que les données clients ne doivent pas être envoyées dans des outils d'IA sans anonymisation.",
    "- RAS côté infrastructure.",
    "- Points ouverts : validation juridique des CGV, choix de l'hébergeur ({n.host} ou autre).",
    "- Contact chez le fournisseur : {p3.full}, {p3.phone}.",
    "- {p1.first} organise un atelier à {city} avec les équipes terrain.",
    "- Livrables attendus : maquettes, spécifications, plan de tests.",
    "- Retour de {p2.first} : le client trouve la palette {x.colour} trop terne.",
]

# ============================================================ chat messages (often lower case)
CHAT_LINES = [
    "salut {p1.firstl}, tu peux rappeler {p2.firstl} au {p2.phone} ? {p2.il} attend ta réponse",
    "{p1.firstl} : c'est bon j'ai envoyé le devis à {o1.lower}",
    "@{p2.handle} tu as le mdp du wifi ? c'est pas {pwd_chat} ?",
    "ok je vois ça avec {p3.lower} demain",
    "qqn a le numéro de {p3.firstl} ? le mien c'est {p1.phone} si besoin",
    "le client m'a filé son iban direct dans le chat lol : {iban}",
    "je suis à {city_lower} jusqu'à vendredi",
    "rdv à {x.time} devant chez {o2.lower} ?",
    "mot de passe : {pwd}",
    "mdp={pwd}",
    "tiens la clé openai pour les tests : {sk_openai} (ne la commit pas stp)",
    "{p2.firstl} dit que la facture {x.invoice} est payée",
    "merci {p1.first} !!",
    "j'ai croisé {p4.full} au salon, {p4.il} bosse maintenant chez {o2.name}",
    "trop bien, bravo à {p3.firstl} pour la démo 👏",
    "perso je préfère qu'on passe par {n.host} pour l'hébergement",
    "vous pouvez m'écrire sur {p1.email_perso} pendant les vacances",
    "le serveur de recette c'est {ip}, user admin",
    "bonne nouvelle : {o1.name} signe pour 6 mois 🎉",
    "rose ou bleu pour le logo ? moi je dirais rose",
    "rappel : réunion à {x.time}, salle du 3e",
    "{p2.firstl} a validé, on peut livrer",
    "quelqu'un peut relire le mail pour {p3.civ} {p3.last} avant que je l'envoie ?",
    "sa nouvelle adresse c'est {p4.addr}",
    "le colis pour {p4.firstl} part ce soir",
    "attention le siret sur la facture c'est {x.bad_siret}, il manque un chiffre non ?",
    "j'ai mis la plaque de la voiture de location dans le tableur : {plate}",
    "{p2.last} ou {p3.last}, je ne sais plus qui gère le compte {o1.lower}",
    "la fille de {p3.firstl} cherche un stage en {region}, vous avez des pistes ?",
]

# ============================================================ support tickets
TICKETS = [
    "Ticket {x.ticket} – Priorité haute\nDemandeur : {p1.full} <{p1.email}>\nSociété : {o1.name}\n\nDescription :\nDepuis la mise à jour {x.version}, l'utilisateur {p1.email} ne parvient plus à se connecter. Adresse IP source : {ip}. Message d'erreur : « Jeton expiré ».\n\nActions : réinitialisation du mot de passe, lien envoyé : {url_token}",
    "Nouveau ticket {x.ticket}\nDe : {p1.civ} {p1.full}\nTéléphone : {p1.phone}\nObjet : prélèvement refusé\n\nBonjour, mon prélèvement du {x.date} a été rejeté alors que mon IBAN ({p1.iban}) est correct. Pouvez-vous vérifier ? Mon numéro client est {x.order}.",
    "INCIDENT {x.ticket}\nService impacté : API de paiement\nDébut : {x.date} {x.time}\nCause : clé Stripe révoquée par erreur ({stripe}).\nRemédiation : rotation de la clé, redémarrage des pods.\nResponsable : {p2.full}",
    "Ticket {x.ticket} – Demande RGPD\n{p1.Civ} {p1.full}, {p1.ne} le {p1.dob}, demande la suppression de ses données. Adresse : {p1.addr}. {p1.Il} a joint une copie de son passeport n° {p1.passport}.",
    "Ticket {x.ticket}\nClient : {o1.name} – contact {p2.full} ({p2.fixe})\nLe connecteur SFTP échoue depuis l'adresse {ipv6}. Logs joints. Le commit fautif semble être {x.sha}.",
    "Réclamation n° {x.ticket}\nAssuré : {p1.LASTfirst}\nVéhicule : Peugeot 208 immatriculée {p1.plate}\nSinistre survenu le {x.date} à {city}.\nTiers : {p2.full}, véhicule {plate}.",
    "Ticket {x.ticket} (niveau 2)\nL'utilisateur signale que la page {url} renvoie une erreur 500. Request-id : {x.uuid}. Navigateur : Firefox {x.version}.",
    "Demande de remboursement – {x.ticket}\n{p1.Civ} {p1.last} indique avoir été débité{p1.e} deux fois de {x.price} sur sa carte {p1.card}. Merci de procéder au remboursement.",
    "Ticket {x.ticket} : accès VPN\n{p1.first} ({p1.email}) n'arrive plus à se connecter au VPN depuis son domicile ({ip}). Poste : PC-{x.ticket}.",
    "Ticket {x.ticket} – Fuite de secret\nUn jeton GitHub ({ghp}) a été publié dans un dépôt public par {p2.full}. Révoqué le {x.date} à {x.time}.",
    "Escalade {x.ticket}\nRappel demandé par {p1.lower} (3 appels) : souhaite parler à un responsable. Rappel au {p1.phone}.",
    "Ticket {x.ticket}\nFacture contestée par {o1.name} : le numéro de TVA {x.bad_tva} ne correspond pas. Le bon numéro est {o1.tva}.",
]

TICKET_FOLLOWUPS = [
    "\n\n-- Réponse de l'agent --\nBonjour, nous avons transmis votre demande au service concerné. {p9.first}, support niveau 1.",
    "\n\nMise à jour du {x.date} : le client confirme que le problème est résolu. Ticket clôturé.",
    "\n\nNote interne : rappeler {p1.first} au {p1.phone} avant {x.time}.",
    "\n\nPièce jointe : capture_{x.ticket}.png",
]

# ============================================================ HR letters and forms
HR_LETTERS = [
    "ATTESTATION EMPLOYEUR\n\nJe soussigné{p1.e} {p1.full}, agissant en qualité de DRH de la société {o1.name}, SIRET {o1.siret}, certifie que {p2.Civ} {p2.full}, {p2.ne} le {p2.dob}, demeurant {p2.addr}, est employé{p2.e} au sein de notre société depuis le {x.date} en qualité de technicien{p2.ne2} (CDI, temps plein).\n\nN° de sécurité sociale : {p2.nir}\n\nFait pour servir et valoir ce que de droit.\nFait à {city}, le {x.date}.",
    "{o1.name}\n{o1.addr_ml}\n\n{p2.Civ} {p2.full}\n{p2.addr_ml}\n\nLettre recommandée avec AR\n\nObjet : convocation à un entretien préalable\n\n{p2.Civ},\n\nNous vous prions de bien vouloir vous présenter le {x.date} à {x.time} au siège de la société pour un entretien préalable. Vous pouvez vous faire assister par une personne de votre choix appartenant au personnel de l'entreprise.\n\n{p1.full}, Directeur",
    "Fiche d'embauche\n\nNom : {p2.LAST}\nPrénom : {p2.first}\nDate de naissance : {p2.dob}\nLieu de naissance : {city}\nN° SS : {p2.nir}\nAdresse : {p2.addr}\nTél. : {p2.phone}\nRIB pour le versement du salaire : {p2.iban}\nPièce d'identité : CNI n° {p2.cni}\nPoste : assistant{p2.e} commercial{p2.e2}\nDate d'entrée : {x.date}",
    "Objet : Attestation de domicile\n\nJe soussigné{p1.e} {p1.full}, {p1.ne} le {p1.dob}, atteste sur l'honneur héberger à mon domicile, {p1.addr}, {p2.Civ} {p2.full} depuis le {x.date}.",
    "Bonjour {p2.first},\n\nSuite à ton entretien annuel avec {p1.first}, ton augmentation de {x.pct} prendra effet sur la paie du mois prochain. Pense à mettre à jour ton numéro fiscal ({p2.nif}) sur le portail RH, il manque pour le prélèvement à la source.\n\nL'équipe RH",
    "Demande de congés\n\nSalarié{p2.e} : {p2.FirstLAST} (matricule {x.order})\nService : comptabilité\nDu {x.date} au {x.date}\nValidé par : {p1.full}",
    "Mutuelle – affiliation\n\nAdhérent : {p2.full}, {p2.ne} le {p2.dob}\nN° de sécurité sociale : {p2.nir}\nAyant droit : {p3.full}, {p3.ne} le {p3.dob}\nRemboursements sur l'IBAN {p2.iban}",
    "Note de frais – {x.date}\nCollaborat{p2.rice} : {p2.full}\nDéplacement {city} – {city} avec le véhicule personnel immatriculé {p2.plate} (312 km, barème 5 CV).\nPéage : {x.price} ; repas : {x.price}.\nRemboursement sur le compte {p2.rib}.",
    "Dossier de demande de visa\n\nNom : {p1.LAST} – Prénom(s) : {p1.first}\nDate de naissance : {p1.dob}\nPasseport n° {p1.passport}, délivré le {x.date}\nAdresse en {n.france} : {p1.addr_ml}\nEmployeur : {o1.name}, {o1.addr}",
    "Formulaire de déclaration fiscale – aide\nContribuable : {p1.full}\nNuméro fiscal de référence : {p1.nif}\nAdresse : {p1.addr}\nRevenus déclarés : {x.price}",
]

# ============================================================ code and configuration snippets
CODE_INTROS = [
    "Salut, j'ai une erreur avec ce fichier de config, tu peux regarder ?",
    "Voici mon .env, l'appli ne démarre pas en prod :",
    "{p1.first} m'a dit que tu pourrais m'aider. Pourquoi ce script plante ?",
    "Peux-tu corriger ce code ? C'est pour le client {o1.name}.",
    "Explique-moi ce que fait ce bout de code :",
    "Le déploiement a échoué cette nuit, voici les logs :",
    "Can you refactor this? It's for {o1.name}'s backend.",
    "Je colle la conf du serveur de {p1.full} :",
]

CODE_SNIPPETS = [
    "# .env (NE PAS COMMITER)\nDATABASE_URL={dburl}\nOPENAI_API_KEY={sk_openai}\nSTRIPE_SECRET_KEY={stripe}\nDEBUG=False\nPORT=8000\nALLOWED_HOSTS=localhost,{n.loopback}",
    "import anthropic\n\nclient = anthropic.Anthropic(api_key=\"{sk_anthropic}\")\nmessage = client.messages.create(model=\"claude-3-5-sonnet\", max_tokens=1024, messages=[{\"role\": \"user\", \"content\": \"Résume ce contrat\"}])",
    "[default]\naws_access_key_id = {aws_id}\naws_secret_access_key = {aws_secret}\nregion = eu-west-3",
    "curl -X POST {n.openai_api} \\\n  -H \"Authorization: Bearer {sk_openai}\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Bonjour\"}]}'",
    "version: \"3.8\"\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: {pwd}\n    ports:\n      - \"5432:5432\"",
    "git remote set-url origin https://oauth2:{glpat}@gitlab.com/{p1.slug}/boutique.git",
    "SLACK_BOT_TOKEN={slack}\nSLACK_CHANNEL=#alertes-prod\nGITHUB_TOKEN={ghp}",
    "const firebaseConfig = {\n  apiKey: \"{google}\",\n  authDomain: \"{n.firebase}\",\n  projectId: \"boutique-demo\"\n};",
    "ssh deploy@{ip} -i ~/.ssh/id_ed25519\n# clé privée ci-dessous, à supprimer après la mise en prod\n{pem}",
    "Authorization: Bearer {jwt}\nX-Request-Id: {x.uuid}\nUser-Agent: Mozilla/5.0",
    "$ psql \"{dburl}\"\npsql (16.2)\nSSL connection (protocol: TLSv1.3)\nType \"help\" for help.",
    "# settings.py\nSECRET_KEY = \"{hexsecret}\"\nEMAIL_HOST_USER = \"{p1.email}\"\nEMAIL_HOST_PASSWORD = \"{pwd}\"\nADMINS = [(\"{p1.full}\", \"{p1.email}\")]",
    "Traceback (most recent call last):\n  File \"/home/{p1.slug}/projets/crm/app.py\", line 42, in <module>\n    conn = connect(\"{dburl}\")\nOperationalError: could not connect to server: Connection refused\n\tIs the server running on host \"{ip}\" and accepting TCP/IP connections on port 5432?",
    "nginx: [error] 1234#0: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: {ip}, server: {o1.domain}, request: \"GET /api/v1/orders HTTP/1.1\"",
    "SENDGRID_API_KEY={sendgrid}\nHF_TOKEN={hf}\nSENTRY_ENVIRONMENT=production\nGIT_SHA={x.sha}",
    "password={pwd}\nusername=admin\nhost={ip}\nport=3306",
    "# Accès FTP du client\nhôte : {o1.ftp}\nlogin : {p1.slug}\nmot de passe : {pwd}",
    "STRIPE_WEBHOOK_SECRET={whsec}\nSTRIPE_PUBLISHABLE_KEY=pk_test_exemple\nOPENAI_API_KEY=<votre-clé-ici>",
    "$ git log -1\ncommit {x.sha}\nAuthor: {p1.full} <{p1.email}>\nDate:   Tue Mar 12 14:03:11 2024 +0100\n\n    Corrige le calcul de la TVA",
    "interface eth0\n  address {ip}\n  netmask {n.netmask}\n  gateway {n.gateway}\niface eth0 inet6 static\n  address {ipv6}",
    "{\n  \"client\": \"{o1.name}\",\n  \"contact\": \"{p1.full}\",\n  \"telephone\": \"{p1.phone}\",\n  \"iban\": \"{o1.iban}\",\n  \"version\": \"{x.version}\"\n}",
    "INSERT INTO clients (nom, prenom, email, tel) VALUES ('{p1.last}', '{p1.first}', '{p1.email}', '{p1.phone}');",
    "webhook: {url_token}\ntimeout: 30\nretries: 3",
    "# Ne jamais coller de vraies clés ici. Exemple : API_KEY={n.example_key}, PASSWORD={n.changeme}",
]

# ============================================================ letters with letterheads
LETTERS = [
    "{o1.name}\n{o1.addr_ml}\nTél. : {o1.phone}\n\n{p1.Civ} {p1.full}\n{p1.addr_ml}\n\n{city}, le {x.date}\n\nObjet : résiliation de votre abonnement\n\n{p1.Civ},\n\nNous accusons réception de votre demande de résiliation de l'abonnement n° {x.order}. Celle-ci prendra effet le {x.date}. Le solde de {x.price} vous sera remboursé par virement.\n\nNous vous prions d'agréer, {p1.Civ}, l'expression de nos salutations distinguées.\n\n{p2.full}\nService clients",
    "{p1.FirstLAST}\n{p1.addr_ml}\n{p1.phone}\n\n{o1.name}\nService contentieux\n{o1.addr_ml}\n\nLettre recommandée avec accusé de réception\n\nObjet : mise en demeure – facture {x.invoice}\n\nMadame, Monsieur,\n\nMalgré mes relances du {x.date} et du {x.date}, la facture {x.invoice} d'un montant de {x.price} reste impayée. Je vous mets en demeure de régler cette somme sous huit jours.\n\n{p1.full}",
    "Maître {p1.full}\nAvocat au barreau de {city}\n{p1.addr_ml}\nToque {x.ticket}\n\nAffaire : {p2.LAST} / {o1.NAME}\n\nCher Confrère,\n\nJe vous prie de trouver ci-joint les conclusions de mon client, {p2.Civ} {p2.full}. L'audience est fixée au {x.date}.\n\nVeuillez agréer, Cher Confrère, l'expression de mes sentiments dévoués.",
    "{p1.full}\n{p1.addr_ml}\n\nÀ l'attention de {n.pub}\n\nObjet : demande de remise gracieuse\nN° fiscal : {p1.nif}\n\nMadame, Monsieur,\n\nJe sollicite une remise gracieuse des pénalités appliquées à ma déclaration. Je joins à ce courrier une copie de ma carte d'identité ({p1.cni}).",
    "{o1.NAME}\n{o1.addr_ml}\nSIREN {o1.siren} – RCS {o1.rcs}\n\nConvocation à l'assemblée générale ordinaire\n\nLes associés sont convoqués le {x.date} à {x.time} au siège social. Ordre du jour : approbation des comptes, affectation du résultat ({x.price}), nomination de {p1.civ} {p1.full} en qualité de cogérant{p1.e}.",
    "Syndic {o1.name}\n{o1.addr_ml}\n\nRésidence Les Tilleuls\n\n{p1.Civ} {p1.last},\n\nNous vous informons que les travaux de ravalement débuteront le {x.date}. Votre quote-part s'élève à {x.price}. Pour toute question, contactez {p2.full} au {o1.phone}.",
    "Expéditeur :\n{p1.full}\n{p1.addr_ml}\n\nDestinataire :\n{p2.full}\n{p2.addr_ml}",
    "{o1.name}\nService des ressources humaines\n{o1.addr_ml}\n\n{city}, le {x.date}\n\n{p1.Civ} {p1.full},\n\nNous avons le plaisir de vous confirmer votre embauche au poste de chargé{p1.e} de clientèle à compter du {x.date}.\n\n{p2.full}\nDRH",
]

# ============================================================ forms and records
FORMS = [
    "FICHE CLIENT\nRaison sociale : {o1.name}\nSIRET : {o1.siret}\nN° TVA : {o1.tva}\nAdresse : {o1.addr}\nContact : {p1.full}\nFonction : gérant{p1.e}\nTéléphone : {p1.phone}\nE-mail : {p1.email}\nIBAN : {o1.iban}\nBIC : {o1.bic}\nConditions : paiement à 45 jours",
    "Formulaire d'inscription\nCivilité : {p1.Civ}\nNom : {p1.LAST}\nPrénom : {p1.first}\nDate de naissance : {p1.dob}\nAdresse :\n{p1.addr_ml}\nPortable : {p1.phone}\nE-mail : {p1.email}\nN° de sécurité sociale : {p1.nir}",
    "Dossier locataire\nCandidat : {p1.full}\n{p1.ne} le {p1.dob}\nPièce d'identité : passeport n° {p1.passport}\nEmployeur : {o1.name}\nSalaire net : {x.price}\nGarant : {p2.full}, {p2.addr}",
    "Bon de commande {x.order}\nClient : {o1.name} (SIREN {o1.siren})\nLivraison : {o1.addr_ml}\nContact livraison : {p1.full}, {p1.phone}\nRéférence article : {x.ref}\nQuantité : 12",
    "Mandat de prélèvement SEPA\nCréancier : {o1.name}, {o1.addr}\nDébiteur : {p1.full}\nAdresse du débiteur : {p1.addr}\nIBAN : {p1.iban}\nBIC : {p1.bic}\nType de paiement : récurrent\nSigné à {city} le {x.date}",
    "Constat amiable – informations\nConducteur A : {p1.LASTfirst}, permis n° {x.order}, véhicule {p1.plate}\nConducteur B : {p2.LASTfirst}, véhicule {p2.plate}\nLieu : {addr}\nDate : {x.date} à {x.time}",
    "Fiche fournisseur\nNom : {o2.name}\nCoordonnées bancaires : RIB {o2.rib}\nBIC : {o2.bic}\nSIRET : {o2.siret}\nInterlocuteur : {p1.full} – {p1.email}\nRemarque : le numéro {x.bad_iban} figurant sur l'ancienne fiche est erroné.",
    "Adhésion à l'association\nNom et prénom : {p1.LASTfirst}\nDate de naissance : {p1.dob}\nAdresse : {p1.addr}\nTél. : {p1.phone}\nCotisation : {x.price} (chèque)",
]

# ============================================================ the negative set: no personal or client data
NEGATIVES = [
    "Le taux de TVA normal est de 20 % ; un taux réduit de 5,5 % s'applique notamment aux produits alimentaires et aux livres.",
    "Pour créer une entreprise individuelle, il faut déclarer son activité en ligne sur le guichet unique. Le numéro SIREN est attribué sous quelques jours.",
    "La facture doit comporter un numéro unique, la date d'émission, l'identité du vendeur et de l'acheteur, le détail des prestations et le montant de la TVA.",
    "Préchauffez le four à 180 °C. Dans un saladier, mélangez 200 g de farine, 100 g de sucre et 3 œufs. Ajoutez 10 cl de lait et une pincée de sel, puis versez dans un moule beurré. Faites cuire 35 minutes.",
    "Pour la pâte brisée : 250 g de farine, 125 g de beurre froid, un jaune d'œuf et 5 cl d'eau. Laissez reposer une heure au réfrigérateur avant d'étaler.",
    "Installez les dépendances avec pip install -r requirements.txt, puis lancez les tests avec pytest. La version minimale de Python est la 3.11.",
    "Docker Compose permet de décrire plusieurs conteneurs dans un seul fichier YAML. La commande docker compose up -d démarre l'ensemble en arrière-plan.",
    "{n.pub} a publié ce matin ses prévisions : la croissance atteindrait 1,1 % cette année, portée par la consommation des ménages.",
    "Selon {n.pub}, le nombre de créations d'entreprises a progressé de 3 % sur un an, principalement dans les services aux entreprises.",
    "{n.pub} rappelle que les données personnelles ne doivent être conservées que pendant la durée nécessaire à la finalité du traitement.",
    "Le délai de paiement entre professionnels ne peut dépasser 60 jours à compter de la date d'émission de la facture, ou 45 jours fin de mois.",
    "Un bon cahier des charges décrit le contexte, les objectifs, le périmètre fonctionnel, les contraintes techniques, le budget et le calendrier.",
    "La méthode Scrum organise le travail en sprints de deux à quatre semaines. Chaque sprint commence par une planification et se termine par une rétrospective.",
    "Pensez à sauvegarder vos fichiers régulièrement : la règle 3-2-1 recommande trois copies, sur deux supports différents, dont une hors site.",
    "Les indemnités kilométriques sont calculées selon un barème qui dépend de la puissance fiscale du véhicule et de la distance parcourue.",
    "Le télétravail est désormais possible deux jours par semaine pour l'ensemble des équipes, sous réserve de l'accord du manager.",
    "Rappel : les notes de frais doivent être déposées avant le 5 du mois suivant, justificatifs à l'appui.",
    "Cette semaine, la réunion d'équipe est avancée à 9 h 30. Ordre du jour : bilan du trimestre, objectifs, questions diverses.",
    "La nouvelle version de l'application corrige plusieurs bugs d'affichage, améliore les performances de la recherche et ajoute un mode sombre.",
    "Pour réinitialiser votre mot de passe, cliquez sur « Mot de passe oublié ? » et suivez les instructions reçues par e-mail.",
    "Le RGPD impose de tenir un registre des traitements, d'informer les personnes concernées et de sécuriser les données.",
    "Une facture d'acompte est émise lorsque le client verse une avance avant la livraison. La facture finale en tient compte.",
    "Les auto-entrepreneurs bénéficient d'un régime simplifié : les cotisations sont calculées sur le chiffre d'affaires encaissé.",
    "Coupez les légumes en petits dés, faites-les revenir dans l'huile d'olive, puis ajoutez les tomates concassées, le thym et le laurier. Laissez mijoter 40 minutes.",
    "Le marché du vélo électrique a reculé de 8 % l'an dernier après plusieurs années de forte croissance, selon les chiffres de la filière.",
    "{n.big} a annoncé une hausse de ses tarifs à partir du 1er janvier. Les abonnements professionnels augmenteront de 5 %.",
    "La commande git rebase -i permet de réécrire l'historique local : fusionner des commits, modifier un message ou réordonner des changements.",
    "Une API REST expose des ressources via des URL et des verbes HTTP : GET pour lire, POST pour créer, PUT pour remplacer, DELETE pour supprimer.",
    "PostgreSQL prend en charge les index partiels, les types JSONB et les requêtes récursives. Pensez à lancer VACUUM ANALYZE après un import massif.",
    "Le jardin partagé est ouvert tous les samedis matin. Apportez vos gants ; les outils sont fournis.",
    "Les soldes d'hiver commencent mercredi et dureront quatre semaines. Les commerçants peuvent librement fixer leurs remises.",
    "Objet : Récapitulatif de la formation\n\nBonjour à tous,\n\nMerci pour votre participation. Les supports sont disponibles sur l'intranet, rubrique Formations.\n\nCordialement,\nL'équipe pédagogique",
    "Bonjour,\n\nNous vous informons que le service sera interrompu dimanche de 2 h à 6 h pour une opération de maintenance.\n\nMerci de votre compréhension.",
    "FAQ\nQ : Puis-je modifier ma commande ?\nR : Oui, tant qu'elle n'a pas été expédiée.\nQ : Quels moyens de paiement acceptez-vous ?\nR : Carte bancaire, virement et chèque.",
    "Conditions générales de vente – Article 4 : Prix. Les prix sont indiqués en euros hors taxes. Ils peuvent être modifiés à tout moment, les produits étant facturés au tarif en vigueur lors de la commande.",
    "Le conseil municipal a voté le budget primitif : les dépenses d'investissement porteront en priorité sur la rénovation des écoles et la voirie.",
    "{n.pub} a infligé une amende de plusieurs millions d'euros à une entreprise pour manquement à ses obligations de sécurité.",
    "La réforme des retraites relève progressivement l'âge légal de départ. Les carrières longues bénéficient de dispositifs spécifiques.",
    "Le projet de loi de finances prévoit une revalorisation du barème de l'impôt sur le revenu de 4,8 % pour tenir compte de l'inflation.",
    "Pour bien choisir un ordinateur portable, regardez la quantité de mémoire vive, le type de stockage, l'autonomie et la qualité de l'écran.",
    "Le pain au levain se conserve plusieurs jours. Pour une croûte croustillante, placez un bol d'eau dans le four pendant la cuisson.",
    "La cybersécurité commence par des mots de passe robustes, l'authentification à deux facteurs et des mises à jour régulières.",
    "Planning prévisionnel :\n- semaine 1 : cadrage\n- semaines 2 à 4 : conception\n- semaines 5 à 10 : développement\n- semaine 11 : recette\n- semaine 12 : mise en production",
    "Le pré-rapport recommande de simplifier les formulaires, de dématérialiser les démarches et de réduire les délais de traitement.",
    "Le musée propose des visites guidées gratuites le premier dimanche du mois. La réservation est conseillée.",
    "Quelques bonnes pratiques pour les réunions : un ordre du jour envoyé à l'avance, une durée limitée, un compte rendu partagé dans les 24 heures.",
    "L'inflation a ralenti à 2,1 % sur un an en septembre, principalement grâce à la baisse des prix de l'énergie.",
    "Le contrat de prestation doit préciser l'objet de la mission, les livrables, le prix, les délais, la propriété intellectuelle et les conditions de résiliation.",
    "Conseil du jour : avant de coller un texte dans un outil d'intelligence artificielle, retirez-en les noms, adresses, numéros et identifiants.",
    "Les températures seront en baisse ce week-end, avec des averses orageuses en fin de journée. Prévoyez un parapluie.",
    "Dans Excel, la fonction RECHERCHEX remplace avantageusement RECHERCHEV : elle cherche dans n'importe quelle colonne et renvoie une valeur par défaut.",
    "Pierre qui roule n'amasse pas mousse, dit le proverbe ; une rose blanche et un petit vin blanc suffisent à faire une belle table.",
    "Les chiffres du trimestre : chiffre d'affaires de 1 250 000 €, marge brute de 38 %, trésorerie stable à 410 000 €.",
    "Important : à partir de la version 4.0, l'option --legacy est supprimée. Utilisez --compat à la place.",
]
NEGATIVE_EXTRAS = [
    "Prix unitaire : {x.price}. Remise de {x.pct} à partir de 10 articles.",
    "Mise à jour prévue le {x.date} à {x.time}.",
    "Référence de la commande : {x.order}. Montant : {x.price}.",
    "Ticket interne {x.ticket} clos après correction (version {x.version}).",
    "Échéance : {x.date}. Montant dû : {x.price}.",
    "Build {x.build}, identifiant de requête {x.uuid}.",
    "Coloris disponibles : {x.colour}, {x.colour} et {x.colour}.",
    "Commit {x.sha} : correction d'une faute de frappe dans la documentation.",
    "Dossier n° {x.dossier} en cours d'instruction.",
    "Facture {x.invoice} : {x.qty}.",
]
# fmt: on

# ============================================================ identifier sentences, injected into documents
# One list per type so that every type gets enough gold spans; each sentence gives its own context.
# fmt: off
ID_SENTENCES = {
    "FR_NIR": [
        "Mon numéro de sécurité sociale est le {p1.nir}.",
        "N° SS : {p1.nir}",
        "Voici le NIR de {p1.first} pour l'affiliation à la mutuelle : {p1.nir}",
        "numéro de sécu de {p1.firstl} : {p1.nir} (clé incluse)",
        "La caisse demande le numéro d'inscription au répertoire de {p1.full} : {p1.nir}.",
        "| {p1.LAST} | {p1.first} | {p1.nir} |",
        "Pour la DSN, il manque le numéro de sécurité sociale de {p1.full} ({p1.nir}).",
    ],
    "FR_SIREN": [
        "SIREN : {o1.siren}",
        "L'entreprise {o1.name} (siren {o1.siren}) est bien à jour de ses cotisations.",
        "{o1.name}, immatriculée sous le n° {o1.siren} au RCS de {o1.rcs}.",
        "Le numéro SIREN de mon client est {o1.siren}, tu peux vérifier sur l'annuaire des entreprises ?",
        "N° SIREN du fournisseur : {o2.siren}",
        "RCS {o1.rcs} {o1.siren}",
    ],
    "FR_SIRET": [
        "SIRET du siège : {o1.siret}",
        "n° Siret {o1.siret}",
        "Mon numéro de SIRET (micro-entreprise) : {siret}",
        "siret: {o1.siret}",
        "L'établissement de {city} a pour SIRET {o2.siret}.",
        "Merci d'indiquer votre SIRET ({o1.siret}) sur toutes vos factures.",
    ],
    "FR_TVA": [
        "N° TVA intracommunautaire : {o1.tva}",
        "Notre numéro de TVA est le {o1.tva}.",
        "TVA intracom {o2.tva}",
        "Identifiant TVA du client : {o1.tva} (vérifié sur VIES).",
        "n° de TVA : {o1.tva}",
    ],
    "FR_RIB": [
        "RIB : {p1.rib}",
        "Relevé d'identité bancaire de {o1.name} : {o1.rib}",
        "Banque / guichet / compte / clé : {p1.rib}",
        "Je vous donne mon RIB complet : {p1.rib}.",
        "Coordonnées bancaires (RIB) : {o2.rib}",
    ],
    "IBAN_CODE": [
        "IBAN : {p1.iban}",
        "Merci de faire le virement sur le compte pro : {o1.iban}",
        "iban {iban} bic {bic}",
        "Nouvel IBAN de {p1.first} pour les remboursements : {p1.iban}",
        "Le compte à créditer est le {o2.iban} (BIC {o2.bic}).",
    ],
    "BIC": [
        "BIC/SWIFT : {o1.bic}",
        "code BIC {p1.bic}",
        "Swift : {bic}",
        "BIC de la banque du fournisseur : {o2.bic}",
    ],
    "CREDIT_CARD": [
        "Carte n° {p1.card}, expiration 09/27.",
        "Voici ma CB pour la réservation : {p1.card}",
        "Paiement refusé pour la carte {card}.",
        "numéro de carte : {p1.card} – cryptogramme au dos",
        "La carte Visa de {p1.first} ({p1.card}) a été débitée deux fois.",
        "Carte bancaire enregistrée : {card}",
    ],
    "FR_TAX_ID": [
        "Numéro fiscal : {p1.nif}",
        "N° fiscal de référence : {p1.nif}",
        "mon numéro fiscal c'est {p1.nif}",
        "Identifiant fiscal (SPI) : {p1.nif}",
        "Le numéro fiscal de {p1.full} figure sur son avis d'imposition : {p1.nif}.",
        "Numéro d'identification fiscale du déclarant : {p1.nif}",
    ],
    "FR_PASSPORT": [
        "passeport n° {p1.passport}",
        "N° de passeport : {p1.passport}",
        "Copie du passeport de {p1.full} ({p1.passport}) en pièce jointe.",
        "Le passeport de {p1.first} (n° {p1.passport}) expire le {x.date}.",
        "Numéro du passeport : {p1.passport}, délivré à {city}.",
    ],
    "FR_CNI": [
        "CNI n° {p1.cni}",
        "Carte d'identité numéro {p1.cni}",
        "Pièce d'identité : carte nationale d'identité n° {p1.cni}",
        "N° de CNI : {p1.cni}",
        "{p1.full} a présenté sa carte d'identité ({p1.cni}).",
    ],
    "FR_LICENSE_PLATE": [
        "Véhicule immatriculé {p1.plate}",
        "plaque {plate}",
        "Immatriculation : {p1.plate}",
        "La voiture de {p1.first} ({p1.plate}) est garée devant l'entrée.",
        "Le véhicule de service {plate} doit passer au contrôle technique le {x.date}.",
        "Amende reçue pour la Clio immatriculée {plate}.",
    ],
    "DATE_OF_BIRTH": [
        "{p1.full}, {p1.ne} le {p1.dob}",
        "Date de naissance : {p1.dob}",
        "DOB : {p1.dob}",
        "{p1.first} est né(e) le {p1.dob}.",
        "{p1.Civ} {p1.last}, {p1.ne} à {city} le {p1.dob}.",
        "date de naissance de l'enfant : {p2.dob}",
    ],
    "IP_ADDRESS": [
        "IP : {ip}",
        "Connexion suspecte depuis {ip} à {x.time}.",
        "Le serveur répond sur {ipv6}.",
        "tu peux whitelister l'adresse {ip} stp ?",
    ],
    "SECRET": [
        "mot de passe : {pwd}",
        "mdp : {pwd}",
        "Identifiant : admin / mot de passe : {pwd}",
        "Le token GitHub de la CI est {ghp}.",
        "clé API : {secret}",
        "Clé Anthropic de test : {sk_anthropic}",
        "password: {pwd}",
        "Le jeton d'accès GitLab : {glpat}",
    ],
    "URL": [
        "Le dossier partagé : {url_token}",
        "Espace client : {url}",
        "Profil de {p1.first} : {p1.linkedin}",
    ],
}
ID_SENTENCES_EN = {
    "FR_SIRET": ["Company SIRET: {o1.siret}"], "FR_TVA": ["VAT number: {o1.tva}"],
    "IBAN_CODE": ["Bank details: IBAN {o1.iban}, BIC {o1.bic}"], "CREDIT_CARD": ["Card number: {card}"],
    "FR_PASSPORT": ["Passport number: {p1.passport}"], "DATE_OF_BIRTH": ["Date of birth: {p1.dob_en}"],
    "FR_TAX_ID": ["French tax identification number: {p1.nif}"], "SECRET": ["password: {pwd}", "API key: {secret}"],
    "FR_NIR": ["French social security number: {p1.nir}"], "PHONE_NUMBER": ["Mobile: {phone}"],
}
# Look-alikes that must not be found: wrong checksums and numbers that only look like identifiers.
HARD_SENTENCES = [
    "Attention, le SIRET {x.bad_siret} indiqué sur le devis est faux (clé de contrôle invalide).",
    "Le numéro {x.bad_siren} ne correspond à aucune entreprise.",
    "L'IBAN {x.bad_iban} a été refusé par la banque : clé incorrecte.",
    "La carte {x.bad_card} a été refusée (numéro invalide).",
    "Le numéro de sécurité sociale saisi ({x.bad_nir}) comporte une erreur de clé.",
    "TVA : {x.bad_tva} (numéro rejeté par VIES).",
    "RIB erroné sur l'ancienne fiche : {x.bad_rib}.",
    "SIRET : {x.bad_siret}",
    "IBAN : {x.bad_iban}",
    "N° SS (à vérifier) : {x.bad_nir}",
    "Commande {x.order} du {x.date}, montant {x.price}.",
    "Facture n° {x.invoice}",
    "Numéro de dossier : {x.dossier}",
    "Référence article : {x.ref}",
    "Ticket {x.ticket} ouvert le {x.date}.",
    "Visa : {x.bad_card}",
    "Numéro client : {x.invoice} – ne pas confondre avec un numéro de téléphone.",
    "Montant HT : {x.price} ; TVA ({x.pct}) : {x.price}.",
    "SIREN {x.bad_siren} : introuvable dans l'annuaire, sans doute une faute de frappe.",
    "Le RIB {x.bad_rib} a une clé fausse, merci de nous renvoyer le bon.",
    "carte {x.bad_card} refusée, le client a dû se tromper d'un chiffre",
    "N° TVA {x.bad_tva} : invalide.",
    "Siret communiqué par téléphone : {x.bad_siret} (à revérifier, le contrôle échoue).",
    "Le numéro {x.bad_nir} n'est pas un NIR valide.",
]
ADMIN_FRAMES = [
    "Bonjour {p9.first},\n\nPour compléter le dossier de {p1.full}, voici les informations demandées :\n{ITEMS}\n\n{HARD}\n\nMerci,\n{p8.first}",
    "Objet : pièces pour l'ouverture du compte\n\nMadame, Monsieur,\n\nVeuillez trouver ci-dessous les éléments concernant {o1.name} :\n{ITEMS}\n\n{HARD}\n\nCordialement,\n{p8.full}",
    "Salut,\n\nje te mets les infos en vrac pour la compta :\n{ITEMS}\n{HARD}\n\n{p8.firstl}",
    "Peux-tu vérifier ces données avant que je les envoie à l'expert-comptable ?\n\n{ITEMS}\n\n{HARD}",
    "Récapitulatif du dossier {x.dossier}\n\n{ITEMS}\n\nRemarque : {HARD}",
    "Bonjour,\n\nsuite à notre appel, je vous confirme :\n{ITEMS}\n\nBien à vous,\n{p8.FirstLAST}\n{p8.phone}",
    "Informations à saisir dans le logiciel de paie pour {p1.FirstLAST} :\n{ITEMS}\n{HARD}",
    "Corrige les fautes de ce paragraphe stp : « Je vous transmet les infos : {ITEMS_INLINE}. {HARD} Merci d'avance. »",
]
# fmt: on
