"""Rewrites finance_plain.csv (written by make_lab1_data.msq) as finance.csv the way an Indonesian
spreadsheet saves it: ';' between fields and ',' as the decimal mark."""
import csv
with open("finance_plain.csv", newline="") as src, open("finance.csv", "w", newline="") as dst:
    out = csv.writer(dst, delimiter=";", lineterminator="\n")
    for row in csv.reader(src):
        out.writerow([cell.replace(".", ",") for cell in row])
