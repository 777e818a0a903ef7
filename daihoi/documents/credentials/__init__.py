"""The credentials board's report on the delegation (báo cáo thẩm tra tư cách đại biểu), as PDF
and DOCX."""
