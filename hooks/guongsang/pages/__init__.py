"""The pages of the site, one class per page kind (base.SitePage: address, title, template, place in the
navigation, the values its template prints, share preview, search entry). Imports site/ and below.

    profile          an honoree's profile (share card, QR code)
    honorees         the honorees' entry page; their lists by unit, year, campaign, award, subject, initial
    documents        the document index, by year and by issuer; a document's page (Markdown)
    stories          the story listing and a tag's; a story's page (Markdown)
    campaigns        the campaign list, a campaign, the criteria of a subject type
    conferences      the conference list, a conference
    calendar, statistics, opendata, search     one page each
    home, editors    the home page and editors' own pages (Markdown)

Beside them: base (what every kind has, and Preview), paging (Pager, paginate), searchpages (search
entries and title weights), charts (the statistics' SVG), frame (the links around every page), catalogue
(the list of kinds the build makes).

A new page kind = one module here (+ its template in overrides/), and its function in catalogue.KINDS.
Templates decide nothing: a kind's ``values`` hand them every address, count and wording they print.
"""
