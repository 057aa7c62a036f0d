"""Poll results for staff: the workbook, the CSV and the ratings chart."""
