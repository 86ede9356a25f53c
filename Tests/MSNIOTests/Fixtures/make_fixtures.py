"""Writes the MSNIO test fixtures from firms.csv: firms.xlsx and firms_1904.xlsx (openpyxl), firms.sav and
firms.dta (pyreadstat, with value labels, variable labels and user-defined missing values), firms.por and
firms.xpt (pyreadstat; codes without labels).
Run: python3 -m venv v && v/bin/pip install pandas openpyxl pyreadstat && v/bin/python make_fixtures.py
The expected values after reading are in firms_expected.csv (labels applied, user missing → empty)."""
import datetime as dt
import pandas as pd
import openpyxl
import pyreadstat
from openpyxl.utils.datetime import CALENDAR_MAC_1904

src = pd.read_csv("firms.csv", keep_default_na=False, na_values=[""])

# Excel: a merged "score" header over two columns, shared strings, numbers, booleans, dates, empty cells,
# and a second sheet.
for name, epoch in [("firms.xlsx", None), ("firms_1904.xlsx", CALENDAR_MAC_1904)]:
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "firms"
    ws.append(["id", "region", "sales", "exporter", "founded", "score", None])
    ws.merge_cells("F1:G1")
    for r in src.itertuples(index=False):
        founded = dt.datetime.strptime(r.founded, "%Y-%m-%d") if isinstance(r.founded, str) else None
        ws.append([int(r.id), r.region if isinstance(r.region, str) else None,
                   None if pd.isna(r.sales) else float(r.sales), (r.exporter == "true") if isinstance(r.exporter, str) else bool(r.exporter), founded,
                   int(r.score_1), int(r.score_2)])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=5):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    notes = wb.create_sheet("notes")
    notes.append(["note"])
    notes.append(["made by make_fixtures.py"])
    wb.save(name)

# SPSS and Stata: sector as a labelled integer code, a variable label on sales, 99 as user missing (SPSS).
codes = {"food": 1, "textile": 2, "craft": 3}
df = pd.DataFrame({
    "id": src["id"].astype(float),
    "sector": src["sector"].map(codes).astype(float),
    "sales": src["sales"],
    "q1": src["q1"].astype(float),
    "founded": pd.to_datetime(src["founded"]).dt.date,
})
labels = {"sector": {1.0: "food", 2.0: "textile", 3.0: "craft"}}
column_labels = ["Firm id", "Sector of activity", "Annual sales (million IDR)", "Market intelligence item 1", "Year founded"]
pyreadstat.write_sav(df, "firms.sav", column_labels=column_labels, variable_value_labels=labels,
                     missing_ranges={"q1": [99]})
pyreadstat.write_dta(df.assign(q1=df["q1"].where(df["q1"] != 99)), "firms.dta", column_labels=column_labels,
                     variable_value_labels=labels)
# SPSS portable and SAS transport (no value labels in these two; dates as days/seconds formats).
pyreadstat.write_por(df.drop(columns=["founded"]), "firms.por", column_labels=column_labels[:4])
pyreadstat.write_xport(df.drop(columns=["founded"]), "firms.xpt", column_labels=column_labels[:4])
print("pandas", pd.__version__, "openpyxl", openpyxl.__version__, "pyreadstat", pyreadstat.__version__)
