/* Worksheet and shared-string XML → parallel cell arrays, through libxml2's SAX2 push parser.
 * Element names and attribute values are compared as bytes; numbers are parsed in place. */
#define _GNU_SOURCE
#include "xlsx_sheet.h"
#include <libxml/parser.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *p; size_t n, cap; } buf;

struct msnx_sheet {
    xmlParserCtxtPtr ctx;
    int sst;                       /* parsing sharedStrings.xml */
    uint8_t *dates; size_t ndates;
    int32_t *rows, *cols; uint8_t *kinds; double *nums; size_t n, cap;
    int32_t *merges; size_t nmerges, capmerges;
    buf pool, text;                /* text pool (NUL-terminated entries); the current cell's text */
    int32_t row, col; int type; int32_t style;
    int collecting, phonetic, failed, error_line;
    char error[256];
};

static int grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 1024;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * size);
    if (!q) return -1;
    *p = q; *cap = c;
    return 0;
}

static int buf_add(buf *b, const char *s, size_t n) {
    if (grow((void **)&b->p, &b->cap, b->n + n + 1, 1)) return -1;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return 0;
}

static void push(msnx_sheet *s, int kind, double v) {
    size_t cap = s->cap;
    if (s->n + 1 > cap) {
        size_t c1 = cap, c2 = cap, c3 = cap, c4 = cap;
        if (grow((void **)&s->rows, &c1, s->n + 1, 4) || grow((void **)&s->cols, &c2, s->n + 1, 4) ||
            grow((void **)&s->kinds, &c3, s->n + 1, 1) || grow((void **)&s->nums, &c4, s->n + 1, 8)) {
            s->failed = 1; snprintf(s->error, sizeof s->error, "out of memory"); xmlStopParser(s->ctx); return;
        }
        s->cap = c1;
    }
    s->rows[s->n] = s->row; s->cols[s->n] = s->col; s->kinds[s->n] = (uint8_t)kind; s->nums[s->n] = v;
    s->n++;
}

int msnx_cell_ref(const char *r, size_t len, int32_t *row, int32_t *column) {
    int64_t c = 0, w = 0; int letters = 0, digits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char u = (unsigned char)r[i];
        if (u == '$') continue;
        if (digits == 0 && u >= 'A' && u <= 'Z') { c = c * 26 + (u - 'A' + 1); letters++; }
        else if (digits == 0 && u >= 'a' && u <= 'z') { c = c * 26 + (u - 'a' + 1); letters++; }
        else if (u >= '0' && u <= '9') { w = w * 10 + (u - '0'); if (++digits > 9) return -1; }
        else return -1;
    }
    if (letters == 0 || letters > 3 || digits == 0 || w == 0) return -1;
    *row = (int32_t)(w - 1); *column = (int32_t)(c - 1);
    return 0;
}

/* Whole-string decimal number; exact fast path (Clinger) for ≤ 15 digits and a small exponent, else strtod_l. */
static int parse_number(const char *t, size_t len, double *out) {
    static const double p10[] = {1e0,1e1,1e2,1e3,1e4,1e5,1e6,1e7,1e8,1e9,1e10,1e11,1e12,1e13,1e14,1e15,1e16,1e17,1e18,1e19,1e20,1e21,1e22};
    size_t i = 0; int neg = 0, nd = 0, anyd = 0, frac = 0, seen_dot = 0;
    uint64_t m = 0;
    if (len == 0) return -1;
    if (t[0] == '-' || t[0] == '+') { neg = t[0] == '-'; i = 1; }
    for (; i < len; i++) {
        char ch = t[i];
        if (ch >= '0' && ch <= '9') { anyd++; if (m || ch != '0') nd++; m = m * 10 + (uint64_t)(ch - '0'); if (seen_dot) frac++; if (nd > 15) break; }
        else if (ch == '.' && !seen_dot) seen_dot = 1;
        else break;
    }
    int exp10 = 0;
    if (i < len && nd <= 15 && (t[i] == 'e' || t[i] == 'E')) {
        size_t j = i + 1; int eneg = 0, e = 0, ed = 0;
        if (j < len && (t[j] == '-' || t[j] == '+')) { eneg = t[j] == '-'; j++; }
        for (; j < len && t[j] >= '0' && t[j] <= '9' && e < 10000; j++, ed++) e = e * 10 + (t[j] - '0');
        if (ed > 0 && j == len) { exp10 = eneg ? -e : e; i = j; }
    }
    if (i == len && nd <= 15 && anyd > 0) {
        int e = exp10 - frac;
        if (e >= 0 && e <= 22) { *out = (neg ? -1.0 : 1.0) * (double)m * p10[e]; return 0; }
        if (e < 0 && e >= -22) { *out = (neg ? -1.0 : 1.0) * (double)m / p10[-e]; return 0; }
    }
    static locale_t c_locale = 0;
    if (!c_locale) c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    char tmp[128];
    if (len >= sizeof tmp || !c_locale) return -1;
    memcpy(tmp, t, len); tmp[len] = 0;
    if (tmp[0] == ' ' || tmp[0] == '\t' || tmp[0] == '\n') return -1;
    char *end = NULL;
    double d = strtod_l(tmp, &end, c_locale);
    if (end != tmp + len) return -1;
    *out = d;
    return 0;
}

static int eq(const xmlChar *a, const char *b) { return strcmp((const char *)a, b) == 0; }

static void on_start(void *ud, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndef;
    msnx_sheet *s = ud;
    if (s->sst) {
        if (eq(name, "si")) s->text.n = 0;
        else if (eq(name, "t")) s->collecting = !s->phonetic;
        else if (eq(name, "rPh")) s->phonetic = 1;
        return;
    }
    if (eq(name, "c")) {
        int have_ref = 0;
        s->type = 'n'; s->style = 0; s->text.n = 0;
        for (int a = 0; a < nattr; a++) {
            const xmlChar *an = attrs[a * 5], *v = attrs[a * 5 + 3], *e = attrs[a * 5 + 4];
            size_t len = (size_t)(e - v);
            if (an[0] == 'r' && an[1] == 0) have_ref = msnx_cell_ref((const char *)v, len, &s->row, &s->col) == 0;
            else if (an[0] == 't' && an[1] == 0) {
                if (len == 1) s->type = v[0];
                else if (len == 9 && memcmp(v, "inlineStr", 9) == 0) s->type = 'i';
                else if (len == 3 && memcmp(v, "str", 3) == 0) s->type = 'S';
                else s->type = 'n';
            } else if (an[0] == 's' && an[1] == 0) {
                int32_t st = 0;
                for (size_t k = 0; k < len && v[k] >= '0' && v[k] <= '9' && st < 100000000; k++) st = st * 10 + (v[k] - '0');
                s->style = st;
            }
        }
        if (!have_ref) s->col++;
    } else if (eq(name, "v")) s->collecting = 1;
    else if (eq(name, "t")) s->collecting = !s->phonetic;
    else if (eq(name, "rPh")) s->phonetic = 1;
    else if (eq(name, "row")) {
        int32_t r = -1;
        for (int a = 0; a < nattr; a++) {
            const xmlChar *an = attrs[a * 5], *v = attrs[a * 5 + 3], *e = attrs[a * 5 + 4];
            if (an[0] == 'r' && an[1] == 0) {
                int64_t w = 0; const xmlChar *k = v;
                for (; k < e && *k >= '0' && *k <= '9' && w < 100000000; k++) w = w * 10 + (*k - '0');
                if (k == e && w > 0) r = (int32_t)(w - 1);
            }
        }
        s->row = r >= 0 ? r : s->row + 1;
        s->col = -1;
    } else if (eq(name, "mergeCell")) {
        for (int a = 0; a < nattr; a++) {
            const xmlChar *an = attrs[a * 5], *v = attrs[a * 5 + 3], *e = attrs[a * 5 + 4];
            if (!eq(an, "ref")) continue;
            const xmlChar *colon = memchr(v, ':', (size_t)(e - v));
            int32_t r1, c1, r2, c2;
            if (msnx_cell_ref((const char *)v, (size_t)((colon ? colon : e) - v), &r1, &c1)) continue;
            if (colon) { if (msnx_cell_ref((const char *)colon + 1, (size_t)(e - colon - 1), &r2, &c2)) continue; }
            else { r2 = r1; c2 = c1; }
            if (grow((void **)&s->merges, &s->capmerges, s->nmerges * 4 + 4, 4)) continue;
            int32_t *m = s->merges + s->nmerges * 4;
            m[0] = r1 < r2 ? r1 : r2; m[1] = c1 < c2 ? c1 : c2; m[2] = r1 < r2 ? r2 : r1; m[3] = c1 < c2 ? c2 : c1;
            s->nmerges++;
        }
    }
}

static void add_text(msnx_sheet *s) {
    size_t offset = s->pool.n;
    if (buf_add(&s->pool, s->text.p ? s->text.p : "", s->text.n) || buf_add(&s->pool, "", 0)) { s->failed = 1; return; }
    s->pool.n++;   /* keep the terminating NUL */
    push(s, MSNX_TEXT, (double)offset);
}

static void on_end(void *ud, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    msnx_sheet *s = ud;
    if (eq(name, "v") || eq(name, "t")) { s->collecting = 0; return; }
    if (eq(name, "rPh")) { s->phonetic = 0; return; }
    if (s->sst) { if (eq(name, "si")) add_text(s); return; }
    if (!eq(name, "c")) return;
    const char *t = s->text.p ? s->text.p : "";
    size_t len = s->text.n;
    double d;
    switch (s->type) {
    case 's': {
        if (len == 0 || len > 9) return;
        int64_t i = 0;
        for (size_t k = 0; k < len; k++) { if (t[k] < '0' || t[k] > '9') return; i = i * 10 + (t[k] - '0'); }
        push(s, MSNX_SHARED, (double)i);
        return;
    }
    case 'i': case 'S': case 'd': if (len) add_text(s); return;
    case 'b': push(s, MSNX_BOOL, (len == 1 && t[0] == '1') || (len == 4 && memcmp(t, "true", 4) == 0)); return;
    case 'e': return;
    default:
        if (parse_number(t, len, &d) == 0) {
            int date = s->style >= 0 && (size_t)s->style < s->ndates && s->dates[s->style];
            push(s, date ? MSNX_DATE : MSNX_NUMBER, d);
        } else if (len) add_text(s);
    }
}

static void on_chars(void *ud, const xmlChar *ch, int len) {
    msnx_sheet *s = ud;
    if (s->collecting && buf_add(&s->text, (const char *)ch, (size_t)len)) { s->failed = 1; xmlStopParser(s->ctx); }
}

msnx_sheet *msnx_sheet_new(int shared_strings) {
    msnx_sheet *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->sst = shared_strings; s->row = -1; s->col = -1;
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_chars;
    h.cdataBlock = on_chars;
    s->ctx = xmlCreatePushParserCtxt(&h, s, NULL, 0, NULL);
    if (!s->ctx) { free(s); return NULL; }
    xmlCtxtUseOptions(s->ctx, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    return s;
}

void msnx_sheet_set_date_styles(msnx_sheet *s, const uint8_t *flags, size_t count) {
    free(s->dates);
    s->dates = count ? malloc(count) : NULL;
    if (s->dates) memcpy(s->dates, flags, count);
    s->ndates = s->dates ? count : 0;
}

int msnx_sheet_feed(msnx_sheet *s, const char *bytes, int length, int terminate) {
    if (s->failed) return -1;
    int rc = xmlParseChunk(s->ctx, bytes, length, terminate);
    if (rc != 0 || s->failed) {
        if (!s->failed) {
            const xmlError *e = xmlCtxtGetLastError(s->ctx);
            snprintf(s->error, sizeof s->error, "%s", e && e->message ? e->message : "malformed XML");
            size_t k = strlen(s->error);
            while (k > 0 && (s->error[k - 1] == '\n' || s->error[k - 1] == ' ')) s->error[--k] = 0;
            s->error_line = e ? e->line : 0;
        }
        s->failed = 1;
        return -1;
    }
    return 0;
}

const char *msnx_sheet_error(const msnx_sheet *s) { return s->error; }
int msnx_sheet_error_line(const msnx_sheet *s) { return s->error_line; }
size_t msnx_sheet_count(const msnx_sheet *s) { return s->n; }
const int32_t *msnx_sheet_rows(const msnx_sheet *s) { return s->rows; }
const int32_t *msnx_sheet_columns(const msnx_sheet *s) { return s->cols; }
const uint8_t *msnx_sheet_kinds(const msnx_sheet *s) { return s->kinds; }
const double *msnx_sheet_numbers(const msnx_sheet *s) { return s->nums; }
const char *msnx_sheet_text_pool(const msnx_sheet *s) { return s->pool.p ? s->pool.p : ""; }
size_t msnx_sheet_merge_count(const msnx_sheet *s) { return s->nmerges; }
const int32_t *msnx_sheet_merges(const msnx_sheet *s) { return s->merges; }

void msnx_sheet_free(msnx_sheet *s) {
    if (!s) return;
    if (s->ctx) { xmlFreeDoc(s->ctx->myDoc); xmlFreeParserCtxt(s->ctx); }
    free(s->dates); free(s->rows); free(s->cols); free(s->kinds); free(s->nums); free(s->merges);
    free(s->pool.p); free(s->text.p);
    free(s);
}
