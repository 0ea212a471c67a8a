// zhibiao: Chinese search that finds what people type (builder/site/searchworker.py).
// Put in front of Material's own search worker, in the same file, so the page policy
// (script-src 'self') is kept. The index is cut with jieba at build time; a query is not,
// so a course name written with Latin letters ("Python程序设计") or a word inside a longer
// one ("制图" in "机械制图") found nothing. Here every run of Han characters of a page is
// indexed a second time as characters and overlapping bigrams, a query's Han runs become the same bigrams
// (all required), and the previews show the text that matched.
(function () {
  "use strict";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var SPECIAL = /[+\-:^~*"\\]/g;
  var FIELDS = { title: "zhibiao_title", text: "zhibiao_text" };
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var state = { words: null, separator: /[\s\u200b]+/ };

  function plain(html) {
    return String(html || "")
      .replace(/<[^>]*>/g, " ")
      .replace(/\u200b/g, "");
  }

  function grams(text) {
    var out = [];
    (plain(text).match(HAN) || []).forEach(function (run) {
      for (var c = 0; c < run.length; c++) out.push(run.charAt(c));
      for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    });
    return out.join(" ");
  }

  // The words of a query as typed: Han runs and other words, Latin split from Han.
  function words(raw) {
    var found = [];
    String(raw || "")
      .replace(/\u200b/g, "")
      .split(state.separator)
      .forEach(function (part) {
        part = part.replace(SPECIAL, " ");
        var last = 0;
        part.replace(HAN, function (run, at) {
          found.push.apply(found, part.slice(last, at).split(/\s+/));
          found.push(run);
          last = at + run.length;
          return run;
        });
        found.push.apply(found, part.slice(last).split(/\s+/));
      });
    return found.filter(function (word) { return word.length > 0; });
  }

  // A Lunr query: every bigram of a Han run required, the run itself as a prefix (to rank
  // and highlight whole words), other words as prefixes.
  function lunrQuery(list) {
    var terms = [];
    list.forEach(function (word) {
      HAN.lastIndex = 0;
      var han = HAN.test(word) && word.match(HAN)[0] === word;
      if (han && word.length === 1) terms.push("+" + word);
      for (var i = 0; han && i + 1 < word.length; i++) terms.push("+" + word.slice(i, i + 2));
      terms.push(word.toLowerCase() + "*");
    });
    return terms.join(" ");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // <mark> every occurrence of the query's words in the text of `html` (outside tags),
  // allowing the zero-width spaces jieba put between words; Material's marks are redone.
  function mark(html, list) {
    var source = String(html || "").replace(/<\/?mark>/g, "");
    var needles = list
      .filter(function (word) { return word.length > 0; })
      .map(function (word) {
        return Array.from(escapeHtml(word)).map(escapeRegExp).join("\u200b?");
      });
    if (!needles.length) return source;
    needles.sort(function (a, b) { return b.length - a.length; });
    var pattern = new RegExp("(" + needles.join("|") + ")", "gi");
    return source
      .split(/(<[^>]*>|&[#a-z0-9]+;)/i)
      .map(function (piece) {
        if (/^[<&]/.test(piece)) return piece;
        return piece.replace(pattern, "<mark>$1</mark>");
      })
      .join("");
  }

  // The preview: from a little before the first match, so it is what the reader sees.
  function excerpt(html) {
    if (html.indexOf("<mark>") < 0) return html;
    var flat = html.replace(/<(?!\/?mark>)[^>]*>/g, " ").replace(/\s+/g, " ");
    var at = flat.indexOf("<mark>");
    var start = Math.max(0, at - 40);
    var back = flat.slice(Math.max(0, start - 10), start);
    var amp = back.lastIndexOf("&");
    if (amp >= 0 && back.indexOf(";", amp) < 0) {
      var semi = flat.indexOf(";", start);
      if (semi >= 0 && semi < at) start = semi + 1;
    }
    return "<p>" + (start > 0 ? "…" : "") + flat.slice(start).trim() + "</p>";
  }

  function setup(data) {
    try {
      state.separator = new RegExp(data.config.separator);
    } catch (error) {
      state.separator = /[\s\u200b]+/;
    }
    Object.keys(FIELDS).forEach(function (field) {
      var spec = data.config.fields[field] || { boost: 1 };
      data.config.fields[FIELDS[field]] = { boost: spec.boost };
    });
    data.docs.forEach(function (doc) {
      doc[FIELDS.title] = grams(doc.title);
      doc[FIELDS.text] = grams(doc.text);
    });
    var search = self.lunr.Index.prototype.search;
    if (!search.zhibiao) {
      var patched = function (query) {
        return search.call(this, state.words ? lunrQuery(state.words) : query);
      };
      patched.zhibiao = true;
      self.lunr.Index.prototype.search = patched;
    }
  }

  function result(data) {
    var list = state.words || [];
    (data.items || []).forEach(function (group) {
      group.forEach(function (item) {
        delete item[FIELDS.title];
        delete item[FIELDS.text];
        var text = plain(item.title) + " " + plain(item.text);
        var terms = {};
        list.forEach(function (word) {
          terms[word] = text.toLowerCase().indexOf(word.toLowerCase()) >= 0;
        });
        item.terms = terms;
        item.title = mark(item.title, list);
        item.text = excerpt(mark(item.text, list));
      });
    });
  }

  var listen = self.addEventListener;
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen.call(self, type, handler, options);
    return listen.call(self, type, function (event) {
      var message = event.data;
      if (message && message.type === SETUP) setup(message.data);
      if (message && message.type === QUERY) {
        var list = words(message.data);
        state.words = list.length ? list : null;
      }
      return handler.call(this, event);
    }, options);
  };
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data) result(message.data);
    return post.apply(self, arguments);
  };
})();
