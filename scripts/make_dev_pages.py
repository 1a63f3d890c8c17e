"""Writes the synthetic development pages of `storyline eval pages`
(crates/html/tests/pages/): short stories written for this project, each
rendered in the style of one kind of site (news wire, newspaper with
JSON-LD, blog with a byline date, WordPress, magazine, company newsroom,
pages in six other languages, date only in the URL, updated against
published, comment dates, related-story sidebars, site names in titles,
an <h1> that differs from <title>). The machine this was made on has no
internet, so no real pages could be collected; every sentence here is our
own. Run: python3 scripts/make_dev_pages.py
"""

import html
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/html/tests/pages"

FILLER = [
    "Officials said more details would be released later in the week.",
    "Residents interviewed on Tuesday were divided over what should happen next.",
    "The council is expected to return to the question at its next sitting.",
    "Neither side gave a figure for the cost, which critics called a telling silence.",
    "A spokesperson declined to comment beyond the written statement.",
    "Independent analysts said the change would take months to show results.",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# (slug, headline, date, paragraphs). Own words, invented events.
STORIES = [
    ("ferry-strike", "Ferry crews walk out over winter rosters", "2025-01-14",
     ["Crews on the island ferry line stopped work at dawn, stranding about four hundred travellers at both harbours.",
      "The union said new winter rosters left some deckhands on call for nineteen hours a day.",
      "The operator called the stoppage premature and said talks had been set for Thursday."]),
    ("library-hours", "City library extends evening hours after student petition", "2024-10-02",
     ["The central library will stay open until ten at night on weekdays from next month.",
      "More than three thousand students signed a petition asking for a quiet place to study after work.",
      "The extra hours will be paid for by closing one branch reading room on Sunday mornings."]),
    ("bridge-cracks", "Inspectors find cracks in river bridge supports", "2024-06-30",
     ["Engineers found hairline cracks in two concrete piers of the old river bridge during a routine check.",
      "Heavy lorries have been barred from the crossing while further tests are carried out.",
      "Buses will keep running, but drivers were told to hold their speed below thirty kilometres an hour."]),
    ("orchard-frost", "Late frost wipes out half of valley apricot crop", "2025-04-09",
     ["Growers in the upper valley lost around half their apricot blossom to two nights of hard frost.",
      "Some farmers lit straw fires between the rows, but temperatures fell too low for it to help.",
      "The growers' association asked the regional government for emergency loans before the summer."]),
    ("museum-roof", "Museum shuts east wing after roof leak damages tapestries", "2023-11-21",
     ["Rainwater came through the roof of the east wing overnight and soaked the lower edge of three tapestries.",
      "Conservators moved the pieces to a drying room and said the damage appeared limited.",
      "The wing will remain closed until repairs to the lead roof are finished, probably in the spring."]),
    ("tram-extension", "Tram line to reach the airport by 2027, planners say", "2025-02-18",
     ["The tram extension to the airport will open in 2027, a year later than first promised.",
      "Planners blamed the delay on a long dispute over land next to the cargo terminal.",
      "The new section adds six stops and is expected to carry twelve thousand riders a day."]),
    ("chess-prodigy", "Eleven-year-old wins national chess title", "2024-08-11",
     ["An eleven-year-old from the northern coast won the national chess championship on Sunday.",
      "She drew her final game against a former champion to finish half a point clear of the field.",
      "Her coach said she trains two hours a day, mostly on endgames, and still plays football at weekends."]),
    ("water-meter", "Water company to fit smart meters in every home", "2025-05-27",
     ["The regional water company plans to fit smart meters in every home over the next five years.",
      "It says the meters will find leaks faster, since about a fifth of treated water never reaches a tap.",
      "Consumer groups asked for a promise that bills would not rise to pay for the devices."]),
    ("vaccine-van", "Mobile clinic brings flu jabs to remote farms", "2024-09-23",
     ["A converted delivery van has begun taking flu vaccines to farms more than an hour from the nearest surgery.",
      "Two nurses gave one hundred and twelve jabs in the first week, most of them to people over seventy.",
      "The health board will decide in March whether to add a second van."]),
    ("startup-layoffs", "Delivery start-up cuts a third of its staff", "2025-03-04",
     ["A grocery delivery start-up told about two hundred employees on Monday that their jobs would go.",
      "The company said orders had fallen since the spring and its last funding round had not closed.",
      "Couriers, who work as contractors, were not counted in the figure and fear further cuts."]),
    ("solar-school", "Primary school covers its roof in solar panels", "2024-05-15",
     ["A primary school on the edge of town has covered its roof in solar panels paid for by parents.",
      "The panels are expected to supply about two thirds of the school's electricity over a year.",
      "Pupils will track the output on a screen in the entrance hall as part of their science lessons."]),
    ("harbour-seal", "Injured seal released back to sea after rescue", "2023-07-06",
     ["A young grey seal found tangled in fishing line last month was released from the beach on Wednesday.",
      "Volunteers from the rescue centre fed it fish four times a day while the wounds on its neck healed.",
      "They urged walkers to report stranded animals rather than trying to help them on their own."]),
    ("rail-fares", "Rail fares to rise by four per cent in January", "2024-12-03",
     ["Rail fares will rise by an average of four per cent at the start of January, the operators said.",
      "Season tickets for commuters will go up slightly less, by three and a half per cent.",
      "Passenger groups said punctuality had not improved enough to justify another increase."]),
    ("book-prize", "First novel about a lighthouse keeper wins book prize", "2025-06-12",
     ["A first novel about a lighthouse keeper and his estranged daughter won the national fiction prize.",
      "The judges praised its spare language and said it had divided them only on the ending.",
      "The author, a former postal worker, said she wrote most of it on night shifts."]),
    ("heatwave-pools", "Outdoor pools open early as heat arrives", "2023-06-14",
     ["Outdoor pools across the city opened a week early as temperatures passed thirty degrees.",
      "Queues formed before nine in the morning at the largest pool in the park.",
      "Lifeguard numbers are short, and some pools will close at five until more staff are hired."]),
    ("data-breach", "Clinic chain warns patients after data breach", "2024-02-26",
     ["A chain of private clinics has written to patients after names and phone numbers were taken from a booking system.",
      "It said no medical records or payment details had been reached by the intruders.",
      "The data protection regulator confirmed it had been told and was making inquiries."]),
    ("wind-farm", "Offshore wind farm approved despite fishing objections", "2025-07-01",
     ["Ministers approved a forty-turbine wind farm off the east coast despite objections from fishing crews.",
      "The crews say the turbines will close grounds they have worked for generations.",
      "The developer offered a fund for the fleet, which the fishermen's union called too small."]),
    ("bakery-award", "Village bakery named best in the region", "2024-04-19",
     ["A bakery in a village of six hundred people was named the best in the region by a panel of chefs.",
      "Its rye loaf, baked in a wood oven, was praised for a crust the judges called perfect.",
      "The owners said they would not expand, since they already start work at three in the morning."]),
    ("stadium-vote", "Fans vote to keep the old stadium name", "2023-09-30",
     ["Supporters voted by a wide margin to keep the stadium's old name instead of selling it to a sponsor.",
      "The club had hoped the deal would pay for a new roof over the north stand.",
      "The board said it would respect the result and look for the money elsewhere."]),
    ("river-clean", "Volunteers pull two tonnes of rubbish from river", "2025-08-17",
     ["About three hundred volunteers pulled two tonnes of rubbish from the river over the weekend.",
      "They found shopping trolleys, a scooter and more than a thousand plastic bottles.",
      "The organisers want the council to add bins and lighting along the towpath."]),
    ("exam-results", "More pupils pass maths exam after new teaching method", "2024-08-22",
     ["The share of pupils passing the final maths exam rose by six points after schools adopted a new teaching method.",
      "The method spends more time on fewer topics and asks pupils to explain their working aloud.",
      "Some teachers said the gains were larger for pupils who had struggled before."]),
    ("airport-fog", "Fog grounds flights for a second morning", "2024-11-13",
     ["Thick fog grounded most morning flights at the regional airport for a second day running.",
      "Around forty departures were cancelled and travellers were moved to afternoon services.",
      "Forecasters expect the fog to lift by Friday as a westerly wind arrives."]),
    ("housing-plan", "Council backs plan for eight hundred new homes", "2025-09-09",
     ["The council backed a plan for eight hundred homes on former factory land by the canal.",
      "A quarter of the homes will be offered at rents below the market rate.",
      "Neighbours worried about traffic won a promise of a new bus route before the first residents move in."]),
    ("lost-dog", "Lost dog walks forty kilometres home", "2023-03-28",
     ["A collie that ran off during a storm turned up at its owners' door nine days later, forty kilometres away.",
      "The family had put up posters in three towns and had almost given up hope.",
      "A vet said the dog was thin but otherwise healthy and had probably lived on scraps."]),
    ("cyber-exercise", "Banks test defences in joint cyber exercise", "2024-03-12",
     ["Eight banks took part in a joint exercise simulating an attack on the payments system.",
      "The central bank said the test showed recovery plans worked but communication between banks was slow.",
      "A report with recommendations will be published in the autumn."]),
    ("festival-cancel", "Folk festival cancelled after storm damage", "2025-07-19",
     ["Organisers cancelled the folk festival after a storm flattened two of its three tents.",
      "Ticket holders will get their money back within thirty days, the organisers said.",
      "Several bands offered to play a free concert in the town square instead."]),
    ("ice-rink", "Town rink reopens with cheaper ice", "2024-01-08",
     ["The town ice rink reopened after a refit that cut its energy use by almost half.",
      "A new roof and a heat pump mean the rink can keep its ice at a lower cost per hour.",
      "Entry prices for children will fall by a euro, the leisure department said."]),
    ("post-office", "Last post office in the valley to close", "2023-10-17",
     ["The last post office in the valley will close at the end of the month after its postmaster retires.",
      "Residents will have to drive twenty minutes to the nearest counter, or use a van that visits twice a week.",
      "The postal service said it had advertised the job for a year without finding anyone."]),
    ("robot-surgery", "Hospital performs first robot-assisted knee operation", "2025-10-06",
     ["Surgeons at the county hospital carried out their first knee replacement with the help of a robotic arm.",
      "The arm guides the cuts to within a millimetre of the plan made from scans before the operation.",
      "The patient, a retired teacher, was walking with a frame the next afternoon."]),
    ("bus-free", "Buses to be free for under-eighteens", "2024-07-29",
     ["Children and teenagers will ride city buses for free from September, the transport authority said.",
      "The scheme will cost about six million a year and is paid for by a rise in parking charges.",
      "Bus companies said they would add trips on school routes that are already full."]),
    ("quarry-blast", "Quarry blasting halted after homes shake", "2025-11-12",
     ["Blasting at the hill quarry was halted after residents said their houses shook and windows cracked.",
      "Inspectors will measure vibrations at ten homes before any further blasts are allowed.",
      "The quarry owner said its charges had stayed within the limits of its licence."]),
    ("cycle-count", "Cycling up a fifth on the new river path", "2024-10-28",
     ["Counters on the new river path recorded a fifth more cyclists this autumn than last.",
      "The busiest hour is just before eight, when pupils and commuters share the path.",
      "The council plans to widen two narrow stretches near the old mill next year."]),
    ("hospital-parking", "Hospital parking fees scrapped for night staff", "2023-12-05",
     ["Nurses and doctors on night shifts will no longer pay to park at the general hospital.",
      "Staff had complained that fees took a large bite out of pay for late shifts.",
      "The hospital said it would cover the lost income from its car park reserve."]),
    ("market-hall", "Restored market hall reopens with forty stalls", "2025-04-26",
     ["The restored market hall reopened on Saturday with forty stalls selling food, flowers and books.",
      "The iron frame of the hall, built in the nineteenth century, was cleaned and repainted.",
      "Traders pay lower rents for the first year while the hall builds its trade."]),
    ("snow-schools", "Snow closes schools across the hills", "2024-01-17",
     ["Heavy snow closed more than sixty schools across the hills on Wednesday.",
      "Gritters worked through the night but several roads remained blocked by drifts.",
      "Forecasters expect a thaw at the weekend, with a risk of flooding in the valleys."]),
]

# Stories in other languages: (lang, slug, headline, date, paragraphs, published label).
FOREIGN = [
    ("de", "hafen-streik", "Hafenarbeiter legen die Arbeit nieder", "2025-03-04",
     ["Im Hafen haben die Arbeiter am Morgen die Arbeit niedergelegt, weil sich die Gespräche über neue Schichtpläne festgefahren haben.",
      "Mehr als zwanzig Schiffe warten nun vor der Küste auf einen freien Liegeplatz.",
      "Die Gewerkschaft kündigte an, den Streik bis Freitag fortzusetzen, falls kein neues Angebot kommt."],
     "Veröffentlicht am {d}. {m} {y}", ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]),
    ("fr", "boulangerie-prix", "Une boulangerie de village reçoit le prix régional", "2024-10-01",
     ["Une petite boulangerie de village a reçu le prix régional du meilleur pain de campagne.",
      "Le jury a salué une croûte épaisse et une mie légère, cuite dans un four à bois.",
      "Les propriétaires disent qu'ils ne changeront rien, même si les files d'attente s'allongent."],
     "Publié le {d} {m} {y}", ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]),
    ("es", "tren-retraso", "El nuevo tren de cercanías llegará con un año de retraso", "2025-05-20",
     ["La nueva línea de cercanías abrirá con un año de retraso por problemas en la compra de terrenos.",
      "El ayuntamiento calcula que la obra costará un diez por ciento más de lo previsto.",
      "Los vecinos de los barrios del sur llevan años esperando una conexión directa con el centro."],
     "Publicado el {d} de {m} de {y}", ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]),
    ("it", "ponte-chiuso", "Chiuso il vecchio ponte sul fiume per lavori urgenti", "2024-06-21",
     ["Il vecchio ponte sul fiume resterà chiuso per tre mesi dopo che i tecnici hanno trovato crepe nei piloni.",
      "Gli autobus saranno deviati sul ponte nuovo, con tempi di viaggio più lunghi di circa dieci minuti.",
      "Il comune ha promesso di riaprire il passaggio pedonale entro la fine dell'estate."],
     "Pubblicato il {d} {m} {y}", ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"]),
    ("nl", "fietspad-open", "Nieuw fietspad langs de dijk geopend", "2025-03-03",
     ["Het nieuwe fietspad langs de dijk is zaterdag geopend na twee jaar werk.",
      "Het pad verbindt drie dorpen en is breed genoeg voor fietsers in twee richtingen.",
      "De gemeente hoopt dat meer scholieren nu op de fiets naar school gaan."],
     "Gepubliceerd op {d} {m} {y}", ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]),
    ("pt", "praia-limpeza", "Voluntários retiram uma tonelada de lixo da praia", "2024-12-09",
     ["Cerca de duzentos voluntários retiraram uma tonelada de lixo da praia durante o fim de semana.",
      "A maior parte era plástico trazido pelas tempestades do mês passado.",
      "A câmara municipal prometeu instalar mais contentores junto às entradas da praia."],
     "Publicado em {d} de {m} de {y}", ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]),
]


def en_date(d):
    y, m, day = d.split("-")
    return f"{MONTHS[int(m) - 1]} {int(day)}, {y}"


def dmy_date(d):
    y, m, day = d.split("-")
    return f"{int(day)} {MONTHS[int(m) - 1]} {y}"


def paras(ps, i):
    return ps + [FILLER[i % len(FILLER)]]


def body_html(ps):
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in ps)


def related(dated=True):
    items = [("Harbour dues to rise next year", "2021-02-03"),
             ("Council elects new deputy mayor", "2022-11-30"),
             ("Storm warning for the coast", "2020-01-15")]
    lis = "".join(
        f'<li><a href="/r/{k}">{html.escape(t)}</a>'
        + (f' <span class="date">{dmy_date(d)}</span>' if dated else "")
        + "</li>"
        for k, (t, d) in enumerate(items))
    return f'<aside class="related-stories"><h3>Related</h3><ul>{lis}</ul></aside>'


def comments():
    return ('<section id="comments"><h3>3 comments</h3>'
            '<div class="comment"><span class="comment-date">January 2, 2026</span><p>Long overdue.</p></div>'
            '<div class="comment"><span class="comment-date">January 3, 2026</span><p>Who pays for this?</p></div>'
            '</section>')


def page(lang, title, head_extra, body):
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">\n'
            f'<title>{html.escape(title)}</title>\n{head_extra}</head>\n<body>\n'
            '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
            f'{body}\n<footer><p>© 2026 All rights reserved. Contact us. Privacy.</p></footer>\n</body></html>\n')


def styles(i, s):
    """Each style: returns (html, url, fetched, title truth, date truth)."""
    slug, head, date, ps = s
    ps = paras(ps, i)
    y, m, d = date.split("-")
    kind = i % 13
    site = ["Coast Wire", "The Daily Ledger", "Northfield Notes", "Valley Courier",
            "Atlas Magazine", "Harbor Energy Newsroom", "Metro Herald", "Riverside Post",
            "Plain Facts Blog", "Evening Standard Times", "The Weekly Lantern",
            "Lakeside Gazette", "Granite Review"][kind]
    host = "".join(w.lower() for w in site.split() if w.lower() != "the") + ".example"
    url = f"https://www.{host}/news/{slug}"
    fetched = "2026-01-05"
    fig = ('<figure><img src="/img/1.jpg" alt=""><figcaption>A file photo taken last year. '
           'Photo: Staff photographer</figcaption></figure>')
    if kind == 0:  # news wire: JSON-LD, title suffix.
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": head,
              "datePublished": f"{date}T07:12:00Z", "dateModified": f"{date}T11:40:00Z",
              "author": {"@type": "Organization", "name": site}}
        extra = f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'
        body = (f'<main><article><h1>{html.escape(head)}</h1><p class="byline">By Staff | {site}</p>'
                f'{body_html(ps)}</article>{related()}</main>')
        return page("en", f"{head} | {site}", extra, body), url, fetched, head, date
    if kind == 1:  # newspaper: og tags, meta time, related sidebar before the article, comments.
        extra = (f'<meta property="og:site_name" content="{site}">\n'
                 f'<meta property="og:title" content="{html.escape(head)}">\n'
                 f'<meta property="article:published_time" content="{date}T05:00:00+01:00">\n')
        body = (f'{related()}<article><h1>{html.escape(head)}</h1>{fig}{body_html(ps)}</article>{comments()}')
        return page("en-GB", f"{head} - {site}", extra, body), url, fetched, head, date
    if kind == 2:  # blog with only a byline date in the text.
        body = (f'<div class="post"><h1 class="post-title">{html.escape(head)}</h1>'
                f'<p>By Jo Marsh · {en_date(date)} · 4 min read</p>{body_html(ps)}</div>{comments()}')
        return page("en", f"{head} – {site}", "", body), f"https://{host}/{slug}", fetched, head, date
    if kind == 3:  # WordPress entry-date, updated later.
        body = (f'<article class="post"><header class="entry-header"><h1 class="entry-title">{html.escape(head)}</h1>'
                f'<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" '
                f'datetime="{date}T09:00:00+00:00">{en_date(date)}</time><time class="updated" '
                f'datetime="2025-12-01T10:00:00+00:00">December 1, 2025</time></span></div></header>'
                f'<div class="entry-content">{body_html(ps)}</div></article>{related()}')
        return page("en-US", f"{head} &#8211; {site}".replace("&#8211;", "–"), "", body), url, fetched, head, date
    if kind == 4:  # magazine: <time> without datetime, h1 longer than title.
        long_head = head + ", and what comes next"
        body = (f'<article><h1>{html.escape(long_head)}</h1><div class="meta"><time>{dmy_date(date)}</time></div>'
                f'{fig}{body_html(ps)}</article>')
        return (page("en-GB", f"{head} | {site}", f'<meta property="og:site_name" content="{site}">', body),
                url, fetched, long_head, date)
    if kind == 5:  # company newsroom: dateline inside the first paragraph, numeric date line.
        body = (f'<div class="press-release"><h1>{html.escape(head)}</h1>'
                f'<div class="release-date">{d}/{m}/{y}</div>{body_html(ps)}'
                '<h4>About the company</h4><p>Media contact: press office.</p></div>')
        return page("en-GB", f"Press release: {head}", "", body), url, fetched, head, date
    if kind == 6:  # date only in the URL.
        durl = f"https://www.{host}/{y}/{m}/{d}/{slug}/"
        body = f'<article><h1>{html.escape(head)}</h1>{body_html(ps)}</article>'
        extra = f'<link rel="canonical" href="{durl}">'
        return page("en", f"{site}: {head}", extra, body), durl, fetched, head, date
    if kind == 7:  # published and updated lines; updated first.
        body = (f'<article><h1>{html.escape(head)}</h1><p class="timestamps">Updated December 30, 2025 '
                f'· Published {en_date(date)}</p>{body_html(ps)}</article>')
        return page("en-US", f"{head} - {site}", "", body), url, fetched, head, date
    if kind == 8:  # relative date only, fetch day known.
        body = (f'<article><h1>{html.escape(head)}</h1><div class="byline">By Sam Cole · 3 days ago</div>'
                f'{body_html(ps)}</article>{related()}')
        return page("en", f"{head} | {site}", "", body), url, "2026-01-05", head, "2026-01-02"
    if kind == 9:  # microdata and a header with today's date.
        body = (f'<header class="site-header"><div class="current-date">Monday, 5 January 2026</div>'
                f'<div class="logo">{site}</div></header>'
                f'<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">{html.escape(head)}</h1>'
                f'<span itemprop="datePublished" content="{date}">{dmy_date(date)}</span>'
                f'<div itemprop="articleBody">{body_html(ps)}</div></div>')
        return page("en-GB", f"{head} | {site}", "", body), url, fetched, head, date
    if kind == 10:  # no date stated anywhere but in related stories and comments.
        body = (f'<article><h1>{html.escape(head)}</h1>{body_html(ps)}</article>{related()}{comments()}')
        return page("en", f"{head} | {site}", "", body), url, fetched, head, None
    if kind == 11:  # ambiguous numeric date on a US page.
        body = (f'<article><h1>{html.escape(head)}</h1><p class="dateline">Posted {m}/{d}/{y[2:]}</p>'
                f'{body_html(ps)}</article>')
        return page("en-US", f"{head} • {site}", "", body), url, fetched, head, date
    # kind 12: og:title differs by a suffix, JSON-LD WebPage only, date in a "date" div above h1.
    body = (f'<article><div class="article-date">{dmy_date(date)}</div><h1>{html.escape(head)}</h1>{fig}'
            f'{body_html(ps)}<div class="share">Share this story</div></article>')
    extra = f'<meta property="og:title" content="{html.escape(head)} | {site}">'
    return page("en", f"{head} | {site}", extra, body), url, fetched, head, date


def foreign(f):
    lang, slug, head, date, ps, label, months = f
    y, m, d = date.split("-")
    line = label.format(d=int(d), m=months[int(m) - 1], y=y)
    site = {"de": "Nordkurier Beispiel", "fr": "Le Petit Exemple", "es": "Diario Ejemplo",
            "it": "Gazzetta Esempio", "nl": "Dagblad Voorbeeld", "pt": "Jornal Exemplo"}[lang]
    body = (f'<article><h1>{html.escape(head)}</h1><p class="author">{line}</p>'
            f'{body_html(ps)}</article>')
    return (page(lang, f"{head} | {site}", "", body), f"https://www.{lang}.example/{slug}",
            "2026-01-05", head, date, ps)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    truth = []
    for i, s in enumerate(STORIES):
        doc, url, fetched, title, date = styles(i, s)
        name = f"{i + 1:02d}-{s[0]}.html"
        (OUT / name).write_text(doc, encoding="utf8")
        truth.append({"file": name, "url": url, "fetched": fetched, "title": title,
                      "date": date, "text": "\n\n".join(paras(s[3], i))})
    for j, f in enumerate(FOREIGN):
        doc, url, fetched, title, date, ps = foreign(f)
        name = f"{len(STORIES) + j + 1:02d}-{f[1]}.html"
        (OUT / name).write_text(doc, encoding="utf8")
        truth.append({"file": name, "url": url, "fetched": fetched, "title": title,
                      "date": date, "text": "\n\n".join(ps)})
    with (OUT / "truth.jsonl").open("w", encoding="utf8") as out:
        for t in truth:
            out.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{len(truth)} pages written to {OUT}")


if __name__ == "__main__":
    main()
