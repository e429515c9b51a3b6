"""Value pools for the accuracy corpus: names, companies, streets, places, public bodies.

Hand-written (no Faker): French first names and surnames of every origin found in France, names
that are also common words, particles and hyphenated forms, invented client companies, real
communes with their postal codes, and the public bodies and big companies that the annotation
rules treat as neutral (see README.md).
"""

# fmt: off
FIRST_M = [
    "Jean", "Pierre", "Nicolas", "Julien", "Thomas", "Antoine", "Mathieu", "Hugo", "Maxime", "Sébastien",
    "François", "Benoît", "Jérôme", "Guillaume", "Olivier", "Romain", "Damien", "Yannick", "Loïc", "Cédric",
    "Patrick", "Karim", "Mohamed", "Mehdi", "Youssef", "Kevin", "Minh", "Moussa", "Ibrahima", "Lucas",
    "Enzo", "Gabriel", "Raphaël", "Arthur", "Victor", "Baptiste", "Clément", "Jean-Baptiste", "Pierre-Yves",
    "Jean-Luc", "Marc-Antoine", "Bruno", "Alain", "Philippe", "Laurent", "Stéphane", "Éric", "Frédéric",
    "Gaëtan", "Quentin", "Théo", "Nathan", "Rayan", "Adam", "Samuel", "Xavier", "Hervé", "Didier", "Gilles",
    "Vincent", "Aurélien", "Erwan", "Gwenaël", "Timothée", "Paul", "Louis", "Martin", "Florent", "Yves",
]
FIRST_F = [
    "Marie", "Sophie", "Camille", "Léa", "Chloé", "Manon", "Inès", "Élodie", "Aurélie", "Nathalie",
    "Hélène", "Émilie", "Céline", "Sandrine", "Isabelle", "Laure", "Margaux", "Gaëlle", "Anaïs", "Océane",
    "Rose", "Marine", "Claire", "Valérie", "Yasmine", "Fatima", "Nadia", "Amina", "Jessica", "Thi Lan",
    "Aïcha", "Awa", "Giulia", "Louise", "Jade", "Alice", "Emma", "Zoé", "Pauline", "Solène", "Anne-Sophie",
    "Marie-Claire", "Anne-Laure", "Christine", "Sylvie", "Véronique", "Catherine", "Agnès", "Brigitte",
    "Juliette", "Charlotte", "Lucie", "Mélanie", "Audrey", "Caroline", "Delphine", "Karine", "Morgane",
    "Nolwenn", "Maëlys", "Salomé", "Capucine", "Apolline", "Héloïse", "Yaël", "Leïla", "Samia", "Ophélie",
]
# First names that are also ordinary French words (hard for NER and for anyone fixing it).
FIRST_WORDLIKE_F = ["Rose", "Claire", "Blanche", "Olive", "Constance", "Prudence", "Victoire", "Aurore",
                    "Marguerite", "Violette", "Capucine", "Céleste", "Espérance", "Reine", "Joie"]
FIRST_WORDLIKE_M = ["Pierre", "Clément", "Aimé", "Désiré", "Ange", "Honoré", "Léger", "Modeste",
                    "Fidèle", "Auguste", "Sylvestre", "Just", "Noël", "Pascal", "Constant"]
LAST = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Vincent", "Fournier", "Morel", "Girard",
    "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Garnier", "Faure",
    "Rousseau", "Guérin", "Muller", "Henry", "Roussel", "Perrin", "Morin", "Gauthier", "Dumont", "Lopez",
    "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
    "Gautier", "Roger", "Roche", "Meyer", "Lucas", "Perez", "Dufour", "Blanchard", "Barbier", "Brun",
    "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Arnaud", "Rolland", "Caron", "Aubert",
    "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe",
    "Leclercq", "Lacroix", "Dupuis", "Rodriguez", "Da Silva", "Hubert", "Guillot", "Poulain", "Besnard",
    "Le Gall", "Le Goff", "Le Roux", "Kerbrat", "Tanguy", "Le Bihan", "Benali", "Haddad", "Ben Salah",
    "Diallo", "Traoré", "Ouedraogo", "N'Diaye", "Tran", "Pham", "Rossi", "Ferreira", "Kowalski", "Yilmaz",
    "Cohen", "Lévy", "Bouchard", "Hoarau", "Payet", "Grondin", "Jean-Louis", "Bouvier", "Jacquet", "Cordier",
    "Collet", "Bailly", "Hervé", "Huet", "Besson", "Bruneau", "Maillard", "Vasseur", "Weber", "Prévost",
]
# Surnames that are also ordinary words: "Marie Blanc", "Pierre Petit", "Paul Boulanger".
LAST_WORDLIKE = [
    "Blanc", "Petit", "Legrand", "Boulanger", "Lenoir", "Marchand", "Berger", "Boucher", "Charpentier",
    "Chevalier", "Lebrun", "Roux", "Noël", "Moulin", "Fontaine", "Rivière", "Lapierre", "Renard", "Loiseau",
    "Meunier", "Bonnet", "Poirier", "Rocher", "Sauvage", "Lejeune", "Leduc", "Carré", "Mouton", "Lesage",
    "Lebon", "Boisseau", "Chauvin", "Fabre", "Lamour", "Bonheur", "Pain", "Printemps", "Vacher", "Garçon",
]
LAST_PARTICLE = ["de La Fontaine", "du Pont", "de Villiers", "de Lattre", "Le Meur", "Le Floch", "de Saint-Just",
                 "d'Argentré", "du Plessis", "de la Croix", "Le Corre", "Des Rosiers", "van der Berg", "De Smet"]
LAST_HYPHEN = ["Martin-Lefèvre", "Dubois-Garnier", "Saint-Martin", "Morel-Dumas", "Perrin-Diallo",
               "Bernard-Nguyen", "Lefort-Caron", "Giraud-Haddad", "Leroy-Beaulieu", "Faure-Lacombe"]

EN_FIRST = ["Sarah", "James", "Emily", "Michael", "Olivia", "Daniel", "Hannah", "Robert", "Grace", "William",
            "Charlotte", "Liam", "Megan", "Ethan", "Priya", "Chen", "Aisha", "Tom", "Rachel", "Ben"]
EN_LAST = ["Miller", "O'Connor", "Chen", "Johnson", "Williams", "Brown", "Taylor", "Patel", "Murphy", "Walsh",
           "Anderson", "Clarke", "Hughes", "Kowalczyk", "Schneider", "Rossi", "Fischer", "Novak", "Evans", "Wright"]

# Client companies (invented). Legal forms are added at generation time.
COMPANY_BASES = [
    "Veloria", "Atelier Lumen", "Nexalis", "Boulangerie Moreau", "Cabinet Fabre & Associés", "Transports Giraud",
    "Hélios Conseil", "Studio Papillon", "Les Vergers du Lac", "Kerlys Informatique", "Opaline Cosmétiques",
    "Brasserie du Port", "Domaine des Trois Chênes", "Pixelune", "Menuiserie Lambert", "Clinique des Alpilles",
    "Orféa", "Quadrant Ingénierie", "Biscuiterie Tanguy", "Garage Perrin", "Alvéole Studio", "Maison Dufour",
    "Novatec Solutions", "Coopérative Terres d'Oc", "Agence Mistral Digital", "Imprimerie Roussel", "Azurine",
    "Les Ateliers de Camille", "Cyclopes Sécurité", "Fromagerie Bailly", "Ostréa", "Hôtel Beau Rivage",
    "Sylvae Paysage", "Pharmacie Centrale de Vannes", "Écurie des Trois Vallées", "Datavenir", "Lumio",
    "Kalimba Productions", "Vert Tilleul", "Oxalis Bureau d'études", "Cafés Morel", "Ébénisterie Lacroix",
    "Solvéo Énergie", "Nuage Bleu", "Archipel RH", "Bleu Marine Nautisme", "Tissages Vasseur", "Octave Avocats",
    "Horizon Courtage", "La Fabrique à Projets", "Le Comptoir des Épices", "Élan Sport", "Cap Audit",
    "Groupe Soléane", "Auberge du Moulin", "Lumière & Bois", "Medisoft", "Trèfle Immobilier", "Wattéo",
]
COMPANY_EN = ["Brightwave Ltd", "Northbridge Consulting", "Kestrel Labs Inc.", "Bluepeak GmbH",
              "Harbourline Partners LLP", "Tidewater Analytics", "Greenfield Media BV", "Oakridge Capital"]
LEGAL_FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SCI", "SNC", "SCOP"]

STREET_TYPES = [
    ("rue", "rue"), ("rue", "Rue"), ("avenue", "avenue"), ("avenue", "av."), ("avenue", "Av."),
    ("boulevard", "boulevard"), ("boulevard", "bd"), ("boulevard", "Bd"), ("allée", "allée"),
    ("chemin", "chemin"), ("chemin", "Chemin"), ("impasse", "impasse"), ("impasse", "imp."), ("place", "place"),
    ("place", "pl."), ("quai", "quai"), ("cours", "cours"), ("route", "route"), ("route", "rte"),
    ("square", "square"), ("passage", "passage"), ("faubourg", "faubourg"), ("voie", "voie"),
    ("sentier", "sentier"), ("rond-point", "rond-point"), ("esplanade", "esplanade"), ("résidence", "résidence"),
]
STREET_NAMES = [
    "de la République", "Victor Hugo", "des Lilas", "du Général de Gaulle", "Jean Jaurès", "de la Gare",
    "des Écoles", "du Moulin", "Pasteur", "de Verdun", "des Acacias", "Saint-Michel", "de Paris", "Gambetta",
    "Émile Zola", "des Tanneurs", "du Port", "de l'Église", "des Vignes", "de la Liberté", "Foch", "Carnot",
    "du 8 Mai 1945", "des Frères Lumière", "Sainte-Catherine", "de Bretagne", "du Château", "des Peupliers",
    "Voltaire", "de la Paix", "Nationale", "des Mimosas", "du Stade", "de la Mairie", "des Cerisiers",
    "Marcel Pagnol", "Jules Ferry", "du Maréchal Leclerc", "de l'Océan", "des Roses", "du Lavoir",
    "Paul Vaillant-Couturier", "de la Forêt", "des Bleuets", "Simone Veil", "Aristide Briand", "des Chartreux",
    "de la Croix Rousse", "du Vieux Marché", "des Capucins", "Pierre Curie", "Louise Michel", "du Bac",
]
COMPLEMENTS = ["Bât. B", "Appt 12", "Résidence Les Tilleuls", "3e étage", "Escalier C", "Bâtiment A, porte 204",
               "ZI des Bruyères", "ZA du Moulin", "Parc d'activités de la Vallée", "Immeuble Le Quadrille",
               "chez Mme Morel", "Apt. 7", "Entrée 2"]
LIEUX_DITS = ["Kerbernez", "La Croix Blanche", "Les Granges", "Le Bourg", "La Vieille Forge", "Le Moulin d'en Bas",
              "Les Quatre Vents", "Pen ar Hoat"]

# (postal code, commune, CEDEX code or None) — real communes, real codes.
CITIES = [
    ("75011", "Paris", "75543"), ("75002", "Paris", None), ("75015", "Paris", "75741"), ("69003", "Lyon", "69441"),
    ("69007", "Lyon", None), ("13006", "Marseille", "13285"), ("31000", "Toulouse", "31069"),
    ("33000", "Bordeaux", "33077"), ("44000", "Nantes", "44041"), ("59000", "Lille", "59021"),
    ("67000", "Strasbourg", "67081"), ("35000", "Rennes", "35031"), ("34000", "Montpellier", None),
    ("06000", "Nice", "06364"), ("38000", "Grenoble", None), ("21000", "Dijon", None), ("49000", "Angers", None),
    ("37000", "Tours", None), ("63000", "Clermont-Ferrand", None), ("76000", "Rouen", None), ("29200", "Brest", None),
    ("29000", "Quimper", None), ("56100", "Lorient", None), ("56000", "Vannes", None), ("64200", "Biarritz", None),
    ("64000", "Pau", None), ("17000", "La Rochelle", None), ("86000", "Poitiers", None), ("87000", "Limoges", None),
    ("25000", "Besançon", None), ("57000", "Metz", None), ("54000", "Nancy", None), ("51100", "Reims", None),
    ("80000", "Amiens", None), ("14000", "Caen", None), ("72000", "Le Mans", None), ("45000", "Orléans", None),
    ("42000", "Saint-Étienne", None), ("26000", "Valence", None), ("84000", "Avignon", None), ("30000", "Nîmes", None),
    ("66000", "Perpignan", None), ("83000", "Toulon", None), ("20000", "Ajaccio", None), ("20200", "Bastia", None),
    ("97400", "Saint-Denis", None), ("97110", "Pointe-à-Pitre", None), ("97200", "Fort-de-France", None),
    ("74000", "Annecy", None), ("73000", "Chambéry", None), ("68100", "Mulhouse", None),
    ("92100", "Boulogne-Billancourt", None), ("93100", "Montreuil", None), ("94300", "Vincennes", None),
    ("92200", "Neuilly-sur-Seine", None), ("78000", "Versailles", None), ("95000", "Cergy", "95031"),
    ("91300", "Massy", None), ("77300", "Fontainebleau", None), ("62000", "Arras", None), ("22000", "Saint-Brieuc", None),
    ("85000", "La Roche-sur-Yon", None), ("79000", "Niort", None), ("16000", "Angoulême", None), ("12000", "Rodez", None),
    ("81000", "Albi", None), ("65000", "Tarbes", None), ("09000", "Foix", None), ("05000", "Gap", None),
    ("03000", "Moulins", None), ("47000", "Agen", None), ("40100", "Dax", None), ("84100", "Orange", None),
    ("55100", "Verdun", None), ("11000", "Carcassonne", None), ("19100", "Brive-la-Gaillarde", None),
    ("78100", "Saint-Germain-en-Laye", None), ("29470", "Plougastel-Daoulas", None), ("85100", "Les Sables-d'Olonne", None),
    ("59650", "Villeneuve-d'Ascq", None), ("84800", "L'Isle-sur-la-Sorgue", None), ("35510", "Cesson-Sévigné", "35577"),
    ("29500", "Ergué-Gabéric", None), ("92400", "Courbevoie", "92042"), ("69100", "Villeurbanne", None),
    ("13100", "Aix-en-Provence", "13090"), ("44600", "Saint-Nazaire", None), ("71100", "Chalon-sur-Saône", None),
]
REGIONS = ["Bretagne", "Normandie", "Occitanie", "Provence", "Nouvelle-Aquitaine", "Île-de-France", "Auvergne",
           "Auvergne-Rhône-Alpes", "Alsace", "Pays de la Loire", "Corse", "Guadeloupe", "Martinique", "Savoie",
           "Vendée", "Gironde", "Bourgogne", "Dordogne", "Haute-Savoie", "Ardèche", "Camargue", "Lorraine",
           "Picardie", "Champagne", "Franche-Comté", "Touraine", "Charente-Maritime", "Haute-Garonne", "Moselle",
           "Provence-Alpes-Côte d'Azur", "Centre-Val de Loire", "Limousin"]
UK_ADDRESSES = ["221B Baker Street\nLondon NW1 6XE", "14 Queen's Road, Bristol BS8 1QU",
                "Flat 3, 27 Dean Street\nEdinburgh EH4 1LN", "88 Canal Street, Manchester M1 3HE",
                "5 Harbour Way, Dublin D02 X285"]

EMAIL_DOMAINS = ["gmail.com", "yahoo.fr", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr",
                 "outlook.fr", "hotmail.com", "protonmail.com", "icloud.com", "hotmail.fr", "live.fr", "proton.me"]
BICS = ["BNPAFRPPXXX", "AGRIFRPP882", "SOGEFRPP", "CCBPFRPPVER", "CMCIFR2A", "PSSTFRPPPAR", "CEPAFRPP751",
        "CRLYFRPP", "BOUSFRPPXXX", "QNTOFRP1XXX", "CMBRFR2BARK", "BREDFRPPXXX", "AGRIFRPP836", "CCOPFRPPXXX",
        "NTSBDEB1XXX", "DEUTDEFF", "COBADEFFXXX", "GEBABEBB", "BBRUBEBB", "REVOLT21", "TRZOFR21XXX", "CMCIFRPP"]
FR_BANK_CODES = ["30004", "30002", "30003", "10278", "10107", "20041", "16606", "17515", "30066", "12506",
                 "13335", "14505", "18206", "40618", "16958", "11306", "10057", "42559"]

# Neutral (annotation rules): public bodies, big public companies and vendors, countries.
PUBLIC_BODIES = ["la Banque de France", "l'Urssaf", "la CAF", "l'Insee", "la CNIL", "France Travail",
                 "la Sécurité sociale", "l'Assurance maladie", "la DGFiP", "le ministère de l'Économie",
                 "le Conseil d'État", "la Cour des comptes", "l'Ademe", "Bpifrance", "l'Autorité de la concurrence",
                 "la DGCCRF", "le tribunal de commerce", "l'ANSSI", "la Commission européenne", "l'Arcep"]
BIG_COMPANIES = ["la SNCF", "EDF", "La Poste", "Google", "Microsoft", "GitHub", "Slack", "OVHcloud", "Amazon",
                 "Stripe", "Orange", "Air France", "Doctolib", "Malt", "Qonto", "Apple", "Meta", "Mistral AI"]
HOSTS = ["OVHcloud", "Scaleway", "AWS", "Google Cloud", "Microsoft Azure", "Clever Cloud", "Infomaniak"]
# Literal values of technical snippets that are not data about anyone (loopback, gateway, public API).
NEUTRAL_LITERALS = {"loopback": ("127.0.0.1", "IP_ADDRESS"), "gateway": ("192.168.1.1", "IP_ADDRESS"),
                    "netmask": ("255.255.255.0", "IP_ADDRESS"), "openai_api": ("https://api.openai.com/v1/chat/completions", "URL"),
                    "firebase": ("boutique-demo.firebaseapp.com", "URL"), "example_key": ("sk-xxxxxxxx", "SECRET"),
                    "changeme": ("changeme", "SECRET"),
                    "france": ("France", "LOCATION")}
COUNTRIES = ["France", "Belgique", "Suisse", "Europe", "Allemagne", "Espagne", "Canada", "Luxembourg"]

COLOUR_WORDS = ["Rose poudré", "Blanc cassé", "Olive", "Marine", "Prune", "Sable", "Pierre", "Ardoise", "Petit gris"]
CAP_WORDS = ["Objet", "Cordialement", "Bonjour", "Récapitulatif", "Livrables", "Planning", "Référence",
             "Échéance", "Confidentiel", "Important", "Remarque", "Pièces jointes", "Montant", "Désignation",
             "Quantité", "Prestataire", "Signature", "Attention", "Priorité", "Visa", "SIRET", "IBAN", "Facture"]
PROJECT_NAMES = ["refonte du site", "application mobile", "migration vers le cloud", "campagne de printemps",
                 "audit RGPD", "nouvelle identité visuelle", "tableau de bord commercial", "catalogue 2025",
                 "intranet RH", "boutique en ligne", "module de réservation", "newsletter mensuelle"]
# fmt: on
