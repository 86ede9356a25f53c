"""merged.xlsx: a survey sheet with merged cells below the header (openpyxl 3.1.5).
Region is written once per block and merged down (A2:A4, A5:A6); a note is merged across C5:D5;
the header has a merged 'Scores' over C1:D1. Run: python make_merged.py"""
from openpyxl import Workbook

wb = Workbook()
ws = wb.active
ws.title = "survey"
ws.append(["region", "firm", "Scores", None])
ws.append(["Java", "a", 1, 2])
ws.append([None, "b", 3, 4])
ws.append([None, "c", 5, 6])
ws.append(["Bali", "d", "n/a", None])
ws.append([None, "e", 7, 8])
ws.merge_cells("C1:D1")
ws.merge_cells("A2:A4")
ws.merge_cells("A5:A6")
ws.merge_cells("C5:D5")
wb.save("merged.xlsx")
