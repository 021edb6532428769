"""The portal's names for the codes it shows — a submission's state and what it means, a review's
notice, an audit action, an account's role. Each is a msgid (its Spanish wording) marked for the
catalogues here and translated where it is shown, so a translator finds them in the `.po` files."""

from __future__ import annotations

from locales.messages import N_

# A submission's state (a review decision is named as the state it leads to) → its name.
STATES = {
    "accepted": N_("Aceptado, en revisión"),
    "approved": N_("Aprobado"),
    "returned": N_("Devuelto"),
    "rejected": N_("Rechazado"),
}
# A submission's state → what it means for the country, beside the state on the receipt.
STATE_HELP = {
    "accepted": N_(
        "el archivo pasó la validación y sus valores se cargaron; la Secretaría lo revisará antes "
        "de publicarlo."
    ),
    "approved": N_(
        "la Secretaría aprobó estos valores; aparecerán en la próxima versión publicada."
    ),
    "returned": N_(
        "la Secretaría devolvió el archivo con un comentario (abajo): corríjalo y envíelo de nuevo."
    ),
    "rejected": N_(
        "no se cargó ningún valor. Corrija los errores de abajo y envíe el archivo de nuevo."
    ),
}
# A review decision → the notice the secretariat sees after it.
DECIDED = {
    "approved": N_("Envío {id} aprobado."),
    "returned": N_("Envío {id} devuelto al país."),
}
# What the audit log records → its name there; the log's filter offers them in this order.
AUDIT_ACTIONS = {
    "sign_in": N_("inició sesión"),
    "sign_in_failed": N_("intento fallido de inicio de sesión"),
    "sign_in_blocked": N_("inicio de sesión bloqueado (demasiados intentos)"),
    "sign_out": N_("cerró sesión"),
    "submission_accepted": N_("archivo aceptado"),
    "submission_rejected": N_("archivo rechazado"),
    "upload_refused": N_("envío rechazado (otro país)"),
    "submission_approved": N_("envío aprobado"),
    "submission_returned": N_("envío devuelto"),
    "release_published": N_("versión publicada"),
    "account_added": N_("cuenta creada"),
    "account_disabled": N_("cuenta desactivada"),
    "password_reset": N_("contraseña restablecida"),
}
# An account's role → its name.
ROLES = {
    "country": N_("país"),
    "secretariat": N_("Secretaría"),
    "admin": N_("administración"),
}
