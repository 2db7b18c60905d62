{#- Cover of the one-page guide (mkdocs-print-site-plugin `cover_page_template`); printed as the first page. -#}
<h1>{{ config.site_name }}</h1>
<p>{{ config.site_description }}</p>
<p>Every question page, lab, the FAQ and the glossary, built on {{ config.extra.guide_build_date }}.
The latest version, with flashcards and a mock interview, is at
<a href="{{ config.site_url }}">{{ config.site_url }}</a>.</p>
<p>{{ config.copyright }}</p>
