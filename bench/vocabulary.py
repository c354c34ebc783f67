"""
Danish-like municipal text for the archive-scale benchmark, written by this code, never copied.

Words are drawn with a Zipf-like frequency (the word of rank r is drawn in proportion to
1 / r^1.1), so that, as in real minutes, a few words ("boliger", "afdeling", "kommunen") are in
nearly every document, most words are in some, and the long tail of compounds
("facaderenoveringspulje") is in a handful: search then meets common and rare words the way it
would on the real archive. The rank order is fixed by a seed, so every run builds the same text.
"""

import itertools
import random


def _words(text):
    return text.split()


# Function words first: the most frequent in any Danish text (the Danish search configuration
# drops most of them as stop words, as it would in real minutes).
FUNCTION_WORDS = _words(
    "og i at det der til for af med som en et den på er de ikke om har kan skal vil blev bliver "
    "fra efter ved også mellem samt under over hvor når så disse denne dette eller men kun nu "
    "alle flere mere andre hver deres sin sine dets vores jf. herunder ca. bl.a. pr."
)

# The everyday words of Danish municipal minutes on social housing.
COMMON_WORDS = _words(
    "boliger bolig afdeling afdelingen boligselskab boligselskabet boligorganisation "
    "boligorganisationen kommunen kommunalbestyrelsen udvalget almenboligudvalget forvaltningen "
    "beboerne beboere lejere lejerne lejemål lejemålene husleje huslejen renovering renoveringen "
    "helhedsplan helhedsplanen landsbyggefonden skema godkendelse godkender godkendt anbefaler "
    "indstiller indstilling beslutning beslutter sagen sager orientering orienteres tages "
    "efterretning budget budgettet regnskab regnskabet tilsyn tilsynet styringsdialog "
    "styringsdialogen bestyrelse bestyrelsen afdelingsmøde afdelingsmødet beboermøde "
    "udlejning udlejningsaftale udlejningsaftalen anvisning anvisningsret fleksibel boligsocial "
    "boligsociale indsats indsatsen tryghed trivsel børn unge familier ældre seniorer "
    "handicappede tilgængelighed almene almen almennyttige boligområde boligområder området "
    "bydel kvarter byggeri byggeriet nybyggeri opførelse ombygning modernisering vedligeholdelse "
    "drift driften udgifter udgiften økonomi økonomiske konsekvenser kommunale garanti "
    "kommunegaranti lån lånet realkredit støtte tilskud grundkapital grundkapitalen "
    "kapitaltilførsel "
    "finansiering finansieres anlægsudgift anlægsbudget kr. mio. mia. procent pct. beløb beløbet "
    "år året måned måneder periode perioden frist fristen tidsplan tidsplanen forventes "
    "planlagt gennemført gennemføres igangsat igangsættes afsluttet afsluttes status statusrapport "
    "redegørelse notat bilag bilaget ansøgning ansøgningen tilsagn tilsagnet rammer rammebeløb "
    "lokalplan lokalplanen kommuneplan kommuneplanen byrådet byrådets økonomiudvalget "
    "teknik miljø by borgere borgerne høring høringen høringssvar dialog samarbejde "
    "samarbejdet aftale aftalen aftaler mål målene opfølgning opfølgningen evaluering "
    "evalueringen analyse analysen undersøgelse undersøgelsen rådgiver rådgiveren totalentreprise "
    "entreprenør udbud udbuddet licitation licitationen tilbud tilbuddet skimmel fugt facader "
    "tage vinduer altaner elevatorer badeværelser køkkener installationer ventilation "
    "energirenovering energiforbrug varme fjernvarme solceller isolering klimaskærm "
    "udearealer legeplads legepladser fælleshus fælleshuset grønne arealer parkering "
    "affaldssortering affald belysning stier cykelparkering nedrivning fortætning "
    "tilflyttere fraflytning fraflytninger tomgang venteliste ventelisten ledige oprykning "
    "boligtilbud opgangsfællesskab ungdomsboliger familieboliger ældreboliger plejeboliger "
    "kollegium seniorbofællesskab kriminalitet hærværk vicevært ejendomskontor ejendomskontoret "
    "medarbejdere sekretariat sekretariatet direktør formand næstformand medlemmer medlem "
    "mødet punktet dagsorden dagsordenen referat referatet drøftelse drøftede drøftes "
    "forslag forslaget ændring ændringer justering vedtægter regulativ retningslinjer "
    "lovgivning almenboligloven bekendtgørelse ministeriet styrelsen landsdækkende "
    "kommunens egen andel samlede fremtidige nuværende tidligere kommende nye eksisterende "
    "væsentlige mindre større samlet særlige konkrete endelige foreløbige årlige månedlige "
    "gennemsnitlige højere lavere stigning fald niveau niveauet vurdering vurderes "
    "forudsætning forudsætninger risiko risici usikkerhed ekstra merudgift mindreudgift "
    "besparelse effektivisering effektiviseringer benchmarking nøgletal dokumentation "
    "administration administrationen forvaltningens indstillingen vedtaget tiltrådt "
    "anbefalet udsat afvist taget godkendes anbefales tiltrædes oversendes videre behandling "
    "behandlingen sagsfremstilling beslutningstema baggrund baggrunden formål formålet "
    "indhold indholdet proces processen inddragelse beboerdemokrati repræsentantskab "
    "boligafdeling boligafdelinger gårdmiljø kantsten fortov vej veje trafiksikkerhed "
    "skole skolen daginstitution daginstitutionen bibliotek kulturhus fritidsklub idrætsforening "
    "jobcenter beskæftigelse uddannelse lektiecafé mentorordning netværk frivillige foreninger"
)

PLACES = (
    "Avedøre Stationsby",
    "Friheden",
    "Hvidovre Strand",
    "Holmegårdsparken",
    "Bymidten",
    "Rebæk Søpark",
    "Store Hvide Sande",
    "Brostykket",
    "Hvidovregade",
    "Risbjerg",
    "Enghøj",
    "Langhusvej",
    "Præstemosen",
    "Gungehusvej",
    "Frydenhøj",
    "Sønderkær",
)

# The long tail: compounds as Danish makes them, each rarer than the one before.
PREFIXES = _words(
    "bolig afdelings lejer bygge renoverings udlejnings helheds drifts energi facade tag "
    "vindues kloak legeplads fælleshus varme ventilations altan elevator tilgængeligheds "
    "parkerings affalds beboer kommune garanti låne støtte husleje budget regnskabs "
    "byggeskade skimmel fugt nedrivnings trafik sikkerheds trygheds belysnings vedligeholdelses "
    "ungdoms familie ældre pleje fritids skole klima jord grund miljø"
)
SUFFIXES = _words(
    "plan sag projekt aftale udgift tilskud regnskab møde rapport beslutning ansøgning "
    "godkendelse ordning bidrag fond arbejde forhold niveau område undersøgelse vurdering "
    "reglement pulje budget støtte garanti forhandling strategi indsats redegørelse tillæg "
    "kontrakt fornyelse screening"
)

# Phrases that minutes use again and again: searched for as phrases.
PHRASES = (
    "boligsocial helhedsplan",
    "almene boliger",
    "fleksibel udlejning",
    "kommunal garanti",
    "skema A",
    "skema B",
    "skema C",
    "taget til efterretning",
    "økonomiske konsekvenser",
    "Landsbyggefondens renoveringsstøtte",
    "udlejningsaftale for",
    "styringsdialog med",
)

ZIPF_EXPONENT = 1.1


def ranked_words(seed=2018):
    """Every word of the vocabulary in rank order, most frequent first: the function words, the
    everyday words, then compounds of two parts, then of three (the far tail, where a word is in
    a handful of documents, or in none)."""
    rng = random.Random(seed)
    common = list(dict.fromkeys(COMMON_WORDS))
    rng.shuffle(common)
    pairs = [p + s for p, s in itertools.product(PREFIXES, SUFFIXES) if not p.startswith(s)]
    rng.shuffle(pairs)
    triples = [
        f"{p}{s}s{t}"
        for p, s, t in itertools.product(PREFIXES, SUFFIXES, SUFFIXES)
        if s != t and not p.startswith(s)
    ]
    rng.shuffle(triples)
    return list(dict.fromkeys(FUNCTION_WORDS + common + pairs + triples))


class Writer:
    """Sentences, titles and text of Danish-like minutes, from one seeded random generator."""

    def __init__(self, seed=2018):
        self.rng = random.Random(seed)
        self.words = ranked_words(seed)
        weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def rare_words(self, count, low=15_000, high=30_000):
        """Words ranked between `low` and `high`: each in a few dozen documents of 10,000
        meetings, far fewer of a small archive."""
        return self.rng.sample(self.words[low:high], count)

    def unknown_words(self, count):
        """Words the archive never uses: the end of the tail, which is all but never drawn."""
        return self.rng.sample(self.words[-2_000:], count)

    def common_words(self, count):
        """The most frequent words that are not function words."""
        return self.words[len(FUNCTION_WORDS) : len(FUNCTION_WORDS) + count]

    def sentence(self, low=7, high=18):
        words = self.rng.choices(
            self.words, cum_weights=self.cumulative, k=self.rng.randint(low, high)
        )
        roll = self.rng.random()
        if roll < 0.12:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(PHRASES))
        elif roll < 0.2:
            words.insert(self.rng.randrange(len(words)), f"afdeling {self.rng.randint(1, 80)}")
        elif roll < 0.27:
            amount = f"{self.rng.randint(1, 950)}.{self.rng.randint(0, 999):03d} kr."
            words.insert(self.rng.randrange(len(words)), amount)
        elif roll < 0.32:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(PLACES))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, low, high):
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def case_number(self, year):
        """A case number as the municipality's case system writes it: in one item only."""
        return f"Sagsnr. {year}-{self.rng.randint(1, 99_999):05d}."

    def text(self, paragraphs_low, paragraphs_high, sentences_low=2, sentences_high=5):
        return "\n\n".join(
            self.paragraph(sentences_low, sentences_high)
            for _ in range(self.rng.randint(paragraphs_low, paragraphs_high))
        )

    def item_title(self):
        place = self.rng.choice(PLACES)
        department = self.rng.randint(1, 80)
        subject = self.rng.choice(self.words[len(FUNCTION_WORDS) : len(FUNCTION_WORDS) + 400])
        return self.rng.choice(
            (
                f"Godkendelse af skema A for {place}, afdeling {department}",
                f"Skema B: {subject} i {place}",
                f"Skema C og endeligt anskaffelsessum for afdeling {department}",
                f"Styringsdialog {self.rng.randint(2000, 2026)} med boligorganisationerne",
                f"Boligsocial helhedsplan for {place}",
                f"Udlejningsaftale for {place}",
                f"Kommunal garanti for lån til {subject}",
                f"Orientering om {subject} i {place}",
                f"Tryghed og trivsel i {place}",
                f"Budget og regnskab for afdeling {department}",
                f"Ansøgning om {subject}, afdeling {department}",
                f"Status på {subject}",
            )
        )

    def attachment_title(self, item_title):
        return self.rng.choice(
            (
                f"Notat: {item_title}",
                "Skema A fra boligorganisationen",
                "Tidsplan og økonomi",
                f"Høringssvar fra afdelingsbestyrelsen, {self.rng.choice(PLACES)}",
                "Udkast til aftale",
                f"Statusrapport {self.rng.randint(2000, 2026)}",
                "Landsbyggefondens tilsagn",
                "Kort over området",
            )
        )
