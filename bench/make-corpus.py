#!/usr/bin/env python3
"""Writes N distinct synthetic news articles (English and French) about the
Sahel into DIR, for bench/corpus.sh: towns of Mali, Niger and Burkina Faso
from the gazetteer the app ships (data/gazetteer.tsv.gz, GeoNames), figures,
outlets and dates drawn from a fixed seed, so every run writes the same files.

The sentences are templates written for this benchmark; they are not the
evaluation texts and say nothing true. Usage: make-corpus.py N DIR
"""
import gzip
import os
import random
import sys

EN = [
    "At least {n} soldiers were killed in an attack near {town} on {day}.",
    "The army said {n} militants were killed during an operation around {town}, in {country}.",
    "About {n} people fled {town} after the attack, according to local officials.",
    "The convoy left {town} for {town2} with {n} vehicles, a security source said.",
    "Operation forces in {country} grew from {n} to {n2} troops this year.",
    "Residents of {town} reported gunfire overnight; no casualties were confirmed.",
    "A humanitarian official in {town2} said {n} families needed food aid.",
    "The mayor of {town} called for reinforcements after {n} days of clashes.",
]
FR = [
    "Au moins {n} soldats ont été tués dans une attaque près de {town} {day_fr}.",
    "L'armée a annoncé avoir neutralisé {n} terroristes autour de {town}, au {country_fr}.",
    "Environ {n} personnes ont fui {town} après l'attaque, selon des sources locales.",
    "Le convoi a quitté {town} pour {town2} avec {n} véhicules, selon une source sécuritaire.",
    "Les habitants de {town} ont entendu des tirs dans la nuit ; aucune victime n'est confirmée.",
    "Un responsable humanitaire à {town2} a indiqué que {n} familles avaient besoin d'aide.",
    "Le maire de {town} a demandé des renforts après {n} jours d'affrontements.",
]
COUNTRIES = {"ML": ("Mali", "Mali"), "NE": ("Niger", "Niger"), "BF": ("Burkina Faso", "Burkina Faso")}
OUTLETS_EN = ["Sahel Wire", "West Africa Monitor", "Desert Dispatch", "Niger Basin News"]
OUTLETS_FR = ["Le Courrier du Sahel", "Journal du Liptako", "Nouvelles de Gao", "La Voix du Fleuve"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def towns(root):
    out = {c: [] for c in COUNTRIES}
    with gzip.open(os.path.join(root, "data", "gazetteer.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3 and cols[0] == "city" and cols[3] in out:
                out[cols[3]].append(cols[2])
    return {c: sorted(set(t)) for c, t in out.items()}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-corpus.py N DIR")
    n, folder = int(sys.argv[1]), sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    by_country = towns(root)
    rng = random.Random(20261206)
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        code = rng.choice(sorted(COUNTRIES))
        french = rng.random() < 0.4
        templates = FR if french else EN
        sentences = []
        for _ in range(rng.randint(6, 14)):
            t = rng.choice(templates)
            sentences.append(t.format(
                n=rng.randint(2, 900), n2=rng.randint(900, 6000),
                town=rng.choice(by_country[code]), town2=rng.choice(by_country[code]),
                country=COUNTRIES[code][0], country_fr=COUNTRIES[code][1],
                day=rng.choice(DAYS), day_fr=rng.choice(DAYS_FR),
            ))
        # A serial number in the text keeps every article distinct.
        sentences.append(f"Report {i} of the benchmark series." if not french
                         else f"Dépêche {i} de la série d'essai.")
        date = f"20{rng.randint(19, 26):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = sentences[0][:90]
        outlet = rng.choice(OUTLETS_FR if french else OUTLETS_EN)
        body = "\n\n".join(" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3))
        with open(os.path.join(folder, f"bench-{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"title: {title}\noutlet: {outlet}\ndate: {date}\n"
                    f"language: {'fr' if french else 'en'}\n\n{body}\n")


if __name__ == "__main__":
    main()
