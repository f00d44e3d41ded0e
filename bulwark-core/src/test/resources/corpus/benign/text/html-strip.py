# corpus: strip HTML tags and collect links with html.parser
from html.parser import HTMLParser

PAGE = """<html><body><h1>News</h1><p>Read the <a href="/post/1">first post</a> and
<a href="https://api.example.com/docs">the docs</a>.</p><script>var x = 1;</script></body></html>"""

class TextAndLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.links, self._skip = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip = True
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = False

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.text.append(data.strip())

parser = TextAndLinks()
parser.feed(PAGE)
print(" ".join(parser.text))
print(parser.links)
