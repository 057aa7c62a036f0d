"""The outdoor exhibition: exhibitors as data, their screens, booth codes."""
