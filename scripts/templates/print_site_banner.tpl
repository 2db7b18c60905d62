{#- Shown on screen above the one-page guide, never printed (mkdocs-print-site-plugin `print_site_banner_template`). -#}
<p><strong>The whole guide on one page.</strong> Print it, or save it as PDF with your browser's print command
(<kbd>Ctrl</kbd>+<kbd>P</kbd>, or <kbd>⌘</kbd>+<kbd>P</kbd> on a Mac). Formulas and figures print as they
appear here, and every collapsed answer is printed open. This box is not printed.</p>
