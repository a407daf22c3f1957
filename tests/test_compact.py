"""compact_html: smaller pages, same rendering."""

from generator.build.compact import compact_html


def test_indentation_and_blank_lines_become_one_newline():
    assert compact_html("<ul>\n    <li>a</li>\n\n\n    <li>b</li>\n</ul>") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"


def test_whitespace_between_inline_words_is_kept():
    assert compact_html("<p>Bel\n      <a href='tel:112'>112</a>\n   nu</p>") == "<p>Bel\n<a href='tel:112'>112</a>\nnu</p>\n"


def test_pre_textarea_and_script_are_left_alone():
    kept = "<pre>  a\n\n    b</pre><textarea>\n  x\n</textarea><script>\n  if (a) {\n    b();\n  }\n</script>"
    assert compact_html("<div>\n   " + kept + "\n   </div>") == "<div>\n" + kept + "\n</div>\n"


def test_built_pages_are_compacted(demo_site):
    page = (demo_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "\n  <" not in page.split("<script>")[0].split("<pre")[0]
