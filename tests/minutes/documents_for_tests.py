"""Small clerks' documents in the municipal layout, as text, for the import tests.

Everything is invented. The full corpus of real-format documents (PDFs from two generators, Word,
scanned, damaged) lies in tests/minutes/documents/; these are short texts to vary one thing at a
time.
"""


def minutes_text(
    date="Tirsdag den 29. maj 2018",
    kind="Referat",
    *,
    short_date="29-05-2018",
    decisions=True,
):
    decision = (
        f"Beslutning i Almenboligudvalg Hvidovre den {short_date}\nAnbefales.\nFor: A, C og V\n"
        "Imod: O\n"
        if decisions
        else ""
    )
    approved = (
        f"Beslutning i Almenboligudvalg Hvidovre den {short_date}\nGodkendt.\n" if decisions else ""
    )
    return f"""{kind} – Almenboligudvalg Hvidovre den {date.split("den ")[1]}

Mødefakta
Dato: {date}
Mødetidspunkt: Kl. 17:00
Mødested: Rådhuset, mødelokale 1

Medlemmer
• Anne Eksempel (A)
• Bent Prøvesen (V)
• Dorthe Fiktiv (C)

Fraværende med afbud
• Camilla Demo (F)

Bemærkninger
Gæst under punkt 2: direktør Eva Opdigtet fra boligselskabet.

1. Godkendelse af dagsorden
{approved}
2. Helhedsplan for Friheden – skema A
Beslutningstema
Udvalget skal tage stilling til skema A for helhedsplanen i Friheden.
Indstilling
Forvaltningen indstiller, at
1. skema A anbefales over for Økonomiudvalget
2. kommunen stiller garanti for lånene
{decision}Sagsfremstilling
Helhedsplanen omfatter nye badeværelser og tilgængelige boliger i stueetagen.
Bilag
• Skema A for Friheden
• Tidsplan for renoveringen

3. Salg af kommunal grund
Lukket punkt
{approved}Sagsfremstilling
Fortrolige oplysninger om køberen.
"""
