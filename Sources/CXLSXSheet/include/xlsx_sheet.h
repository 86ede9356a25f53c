/* Streaming parser for .xlsx worksheet and shared-string XML, on libxml2's SAX2 push interface.
 * The header names no libxml2 type, so Swift imports it without libxml2's (ICU-including) headers.
 * Cells come out as parallel arrays: no per-cell allocation. */
#ifndef MSNX_XLSX_SHEET_H
#define MSNX_XLSX_SHEET_H
#include <stddef.h>
#include <stdint.h>

/* Cell kinds. NUMBER: numbers[i] is the value. SHARED: numbers[i] is the shared-string index.
 * TEXT: numbers[i] is the offset of a NUL-terminated string in the text pool. BOOL: 0 or 1.
 * DATE: a number whose cell style shows a date (numbers[i] is the serial). */
enum { MSNX_NUMBER = 0, MSNX_SHARED = 1, MSNX_TEXT = 2, MSNX_BOOL = 3, MSNX_DATE = 4 };

typedef struct msnx_sheet msnx_sheet;

/* A parser for a worksheet (shared_strings = 0) or for xl/sharedStrings.xml (1: one TEXT entry per <si>). */
msnx_sheet *msnx_sheet_new(int shared_strings);
/* Which cell style indices are dates (flags[i] != 0); copied. Call before feeding. */
void msnx_sheet_set_date_styles(msnx_sheet *s, const uint8_t *flags, size_t count);
/* Parses the next chunk of XML; terminate = 1 on the last one. Returns 0, or -1 on malformed XML. */
int msnx_sheet_feed(msnx_sheet *s, const char *bytes, int length, int terminate);
/* The first error's message and line (after feed returned -1). */
const char *msnx_sheet_error(const msnx_sheet *s);
int msnx_sheet_error_line(const msnx_sheet *s);

size_t msnx_sheet_count(const msnx_sheet *s);
const int32_t *msnx_sheet_rows(const msnx_sheet *s);      /* 0-based */
const int32_t *msnx_sheet_columns(const msnx_sheet *s);   /* 0-based */
const uint8_t *msnx_sheet_kinds(const msnx_sheet *s);
const double *msnx_sheet_numbers(const msnx_sheet *s);
const char *msnx_sheet_text_pool(const msnx_sheet *s);
/* Merged ranges: 4 ints each (first row, first column, last row, last column; 0-based). */
size_t msnx_sheet_merge_count(const msnx_sheet *s);
const int32_t *msnx_sheet_merges(const msnx_sheet *s);

void msnx_sheet_free(msnx_sheet *s);

/* Parses "B12" (optionally with $) into 0-based row and column; returns 0 on success. */
int msnx_cell_ref(const char *ref, size_t length, int32_t *row, int32_t *column);

#endif
