"""Guided lessons in the app: ``guide`` shows the lesson flow (``playground.lessons.tutor``),
``step`` the open lesson's step (the lesson panel), ``picker`` the list of lessons. The
lessons themselves, their goals, a student's progress and the flow are ``playground.lessons``
(no Panel).
"""
