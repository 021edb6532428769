"""Every word of the portal in Spanish, English, Portuguese and French. One line per text, the
four languages side by side, so a missing or stale translation shows at a glance."""

from __future__ import annotations

from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português", "fr": "Français"}
# A submission's state → the key of its name.
STATES = {
    "accepted": "state_accepted",
    "approved": "state_approved",
    "returned": "state_returned",
    "rejected": "state_rejected",
}

# key: (es, en, pt, fr)
TEXTS: dict[str, tuple[str, str, str, str]] = {
    "portal": (
        "Portal de envíos",
        "Submission portal",
        "Portal de envios",
        "Portail de soumission",
    ),
    "skip": ("Ir al contenido", "Skip to content", "Ir para o conteúdo", "Aller au contenu"),
    "portal_pages": (
        "Secciones del portal",
        "Portal sections",
        "Seções do portal",
        "Sections du portail",
    ),
    "language": ("Idioma", "Language", "Idioma", "Langue"),
    "nav_submissions": ("Envíos", "Submissions", "Envios", "Soumissions"),
    "nav_coverage": (
        "Cobertura del ciclo",
        "Cycle coverage",
        "Cobertura do ciclo",
        "Couverture du cycle",
    ),
    "nav_publish": ("Publicar", "Publish", "Publicar", "Publier"),
    "nav_audit": (
        "Registro de actividad",
        "Audit log",
        "Registro de atividade",
        "Journal d'activité",
    ),
    "nav_users": ("Cuentas", "Accounts", "Contas", "Comptes"),
    "sign_in": ("Iniciar sesión", "Sign in", "Entrar", "Se connecter"),
    "sign_out": ("Cerrar sesión", "Sign out", "Sair", "Se déconnecter"),
    "sign_in_lead": (
        "Acceso para los puntos focales de los países miembros y la Secretaría de la Red GEALC.",
        "For the member countries' focal points and the Red GEALC secretariat.",
        "Acesso para os pontos focais dos países membros e a Secretaria da Rede GEALC.",
        "Accès réservé aux points focaux des pays membres et au secrétariat du Réseau GEALC.",
    ),
    "sign_in_help": (
        "¿No tiene cuenta o olvidó su contraseña? Escriba a la Secretaría de la Red GEALC.",
        "No account, or forgot your password? Write to the Red GEALC secretariat.",
        "Não tem conta ou esqueceu a senha? Escreva para a Secretaria da Rede GEALC.",
        "Pas de compte ou mot de passe oublié ? Écrivez au secrétariat du Réseau GEALC.",
    ),
    "username": ("Usuario", "User name", "Usuário", "Nom d'utilisateur"),
    "password": ("Contraseña", "Password", "Senha", "Mot de passe"),
    "bad_credentials": (
        "Usuario o contraseña incorrectos.",
        "Wrong user name or password.",
        "Usuário ou senha incorretos.",
        "Nom d'utilisateur ou mot de passe incorrect.",
    ),
    "too_many_attempts": (
        "Demasiados intentos fallidos. Espere {minutes} minutos e intente de nuevo.",
        "Too many failed attempts. Wait {minutes} minutes and try again.",
        "Tentativas falhas demais. Aguarde {minutes} minutos e tente novamente.",
        "Trop de tentatives échouées. Attendez {minutes} minutes et réessayez.",
    ),
    "signed_out": (
        "Cerró la sesión.",
        "You are signed out.",
        "Você saiu.",
        "Vous êtes déconnecté.",
    ),
    "back_to_portal": (
        "Volver al portal",
        "Back to the portal",
        "Voltar ao portal",
        "Retour au portail",
    ),
    "submissions_title": ("Envíos", "Submissions", "Envios", "Soumissions"),
    "send_heading": ("Enviar un archivo", "Send a file", "Enviar um arquivo", "Envoyer un fichier"),
    "send_lead": (
        (
            "Descargue la plantilla, complétela y envíela aquí (CSV o XLSX, hasta {limit_mb} MB). El recibo "
            "aparece enseguida."
        ),
        (
            "Download the template, fill it in and send it here (CSV or XLSX, up to {limit_mb} MB). The receipt "
            "appears at once."
        ),
        "Baixe o modelo, preencha-o e envie-o aqui (CSV ou XLSX, até {limit_mb} MB). O recibo aparece na hora.",
        (
            "Téléchargez le modèle, remplissez-le et envoyez-le ici (CSV ou XLSX, jusqu'à {limit_mb} Mo). Le reçu "
            "s'affiche aussitôt."
        ),
    ),
    "template_heading": ("Plantilla", "Template", "Modelo", "Modèle"),
    "download_template": (
        "Descargar la plantilla",
        "Download the template",
        "Baixar o modelo",
        "Télécharger le modèle",
    ),
    "choose_file": ("Archivo a enviar", "File to send", "Arquivo a enviar", "Fichier à envoyer"),
    "drop_hint": (
        "También puede arrastrar el archivo hasta este recuadro.",
        "You can also drag the file onto this box.",
        "Você também pode arrastar o arquivo até este quadro.",
        "Vous pouvez aussi faire glisser le fichier dans ce cadre.",
    ),
    "send_file": ("Enviar", "Send", "Enviar", "Envoyer"),
    "uploading": ("Enviando…", "Sending…", "Enviando…", "Envoi en cours…"),
    "upload_failed": (
        "El envío se interrumpió. Revise su conexión e intente de nuevo.",
        "The upload was interrupted. Check your connection and try again.",
        "O envio foi interrompido. Verifique sua conexão e tente novamente.",
        "L'envoi a été interrompu. Vérifiez votre connexion et réessayez.",
    ),
    "no_file": (
        "Elija un archivo antes de enviar.",
        "Choose a file before sending.",
        "Escolha um arquivo antes de enviar.",
        "Choisissez un fichier avant d'envoyer.",
    ),
    "empty_file": (
        "El archivo está vacío: no se guardó nada.",
        "The file is empty: nothing was stored.",
        "O arquivo está vazio: nada foi gravado.",
        "Le fichier est vide : rien n'a été enregistré.",
    ),
    "other_country": (
        (
            "El archivo tiene valores de {others}: una cuenta de {own} solo puede enviar los valores de {own}. "
            "No se guardó nada."
        ),
        "The file has values for {others}: a {own} account can only send {own}'s values. Nothing was stored.",
        (
            "O arquivo tem valores de {others}: uma conta de {own} só pode enviar os valores de {own}. "
            "Nada foi gravado."
        ),
        (
            "Le fichier contient des valeurs de {others} : un compte {own} ne peut envoyer que les valeurs de "
            "{own}. Rien n'a été enregistré."
        ),
    ),
    "unchanged": (
        "Este mismo archivo ya se había recibido (envío {id}): este es su recibo.",
        "This exact file was received before (submission {id}): here is its receipt.",
        "Este mesmo arquivo já havia sido recebido (envio {id}): este é o seu recibo.",
        "Ce même fichier avait déjà été reçu (soumission {id}) : voici son reçu.",
    ),
    "list_heading": (
        "Archivos recibidos",
        "Files received",
        "Arquivos recebidos",
        "Fichiers reçus",
    ),
    "filters": ("Filtros", "Filters", "Filtros", "Filtres"),
    "all": ("Todos", "All", "Todos", "Tous"),
    "apply": ("Aplicar", "Apply", "Aplicar", "Appliquer"),
    "country": ("País", "Country", "País", "Pays"),
    "year": ("Año", "Year", "Ano", "Année"),
    "format": ("Formato", "Format", "Formato", "Format"),
    "state": ("Estado", "State", "Situação", "État"),
    "state_accepted": (
        "Aceptado, en revisión",
        "Accepted, under review",
        "Aceito, em revisão",
        "Accepté, en révision",
    ),
    "state_approved": ("Aprobado", "Approved", "Aprovado", "Approuvé"),
    "state_returned": ("Devuelto", "Returned", "Devolvido", "Renvoyé"),
    "state_rejected": ("Rechazado", "Rejected", "Rejeitado", "Rejeté"),
    "state_help_accepted": (
        (
            "el archivo pasó la validación y sus valores se cargaron; la Secretaría lo revisará antes de "
            "publicarlo."
        ),
        (
            "the file passed validation and its values were loaded; the secretariat will review it "
            "before publishing."
        ),
        (
            "o arquivo passou na validação e seus valores foram carregados; a Secretaria o revisará "
            "antes de publicá-lo."
        ),
        (
            "le fichier a passé la validation et ses valeurs ont été chargées ; le secrétariat le "
            "révisera avant publication."
        ),
    ),
    "state_help_approved": (
        "la Secretaría aprobó estos valores; aparecerán en la próxima versión publicada.",
        "the secretariat approved these values; they will appear in the next published release.",
        "a Secretaria aprovou estes valores; eles aparecerão na próxima versão publicada.",
        "le secrétariat a approuvé ces valeurs ; elles paraîtront dans la prochaine version publiée.",
    ),
    "state_help_returned": (
        "la Secretaría devolvió el archivo con un comentario (abajo): corríjalo y envíelo de nuevo.",
        "the secretariat returned the file with a comment (below): correct it and send it again.",
        "a Secretaria devolveu o arquivo com um comentário (abaixo): corrija-o e envie-o novamente.",
        (
            "le secrétariat a renvoyé le fichier avec un commentaire (ci-dessous) : corrigez-le et "
            "renvoyez-le."
        ),
    ),
    "state_help_rejected": (
        "no se cargó ningún valor. Corrija los errores de abajo y envíe el archivo de nuevo.",
        "no value was loaded. Fix the errors below and send the file again.",
        "nenhum valor foi carregado. Corrija os erros abaixo e envie o arquivo novamente.",
        "aucune valeur n'a été chargée. Corrigez les erreurs ci-dessous et renvoyez le fichier.",
    ),
    "list_caption": (
        "{n} fila(s), la más reciente primero",
        "{n} row(s), newest first",
        "{n} linha(s), a mais recente primeiro",
        "{n} ligne(s), la plus récente d'abord",
    ),
    "submission": ("Envío", "Submission", "Envio", "Soumission"),
    "receipt_link": ("Recibo {id}", "Receipt {id}", "Recibo {id}", "Reçu {id}"),
    "revision": ("Revisión", "Revision", "Revisão", "Révision"),
    "file": ("Archivo", "File", "Arquivo", "Fichier"),
    "received": ("Recibido", "Received", "Recebido", "Reçu le"),
    "findings": ("Hallazgos", "Findings", "Achados", "Constats"),
    "counts": (
        "{errors} error(es), {warnings} aviso(s)",
        "{errors} error(s), {warnings} warning(s)",
        "{errors} erro(s), {warnings} aviso(s)",
        "{errors} erreur(s), {warnings} avertissement(s)",
    ),
    "no_submissions": (
        "Todavía no hay envíos que mostrar.",
        "No submissions to show yet.",
        "Ainda não há envios para mostrar.",
        "Aucune soumission à afficher pour l'instant.",
    ),
    "back_to_list": (
        "Todos los envíos",
        "All submissions",
        "Todos os envios",
        "Toutes les soumissions",
    ),
    "receipt_title": (
        "Recibo del envío {id}",
        "Receipt of submission {id}",
        "Recibo do envio {id}",
        "Reçu de la soumission {id}",
    ),
    "download_original": (
        "descargar el archivo enviado",
        "download the file sent",
        "baixar o arquivo enviado",
        "télécharger le fichier envoyé",
    ),
    "country_years": ("País y año", "Country and year", "País e ano", "Pays et année"),
    "values_stored": (
        "Valores cargados",
        "Values loaded",
        "Valores carregados",
        "Valeurs chargées",
    ),
    "findings_heading": (
        "Resultado de la validación",
        "Validation result",
        "Resultado da validação",
        "Résultat de la validation",
    ),
    "unreported_heading": (
        "No informados, con la nota que lo explica ({n})",
        "Not reported, with the note that explains it ({n})",
        "Não informados, com a nota que o explica ({n})",
        "Non communiqués, avec la note qui l'explique ({n})",
    ),
    "no_findings": (
        "Sin errores ni avisos.",
        "No errors or warnings.",
        "Sem erros nem avisos.",
        "Ni erreur ni avertissement.",
    ),
    "errors_heading": (
        "Errores que impiden la carga ({n})",
        "Errors that block loading ({n})",
        "Erros que impedem a carga ({n})",
        "Erreurs qui bloquent le chargement ({n})",
    ),
    "warnings_heading": ("Avisos ({n})", "Warnings ({n})", "Avisos ({n})", "Avertissements ({n})"),
    "warnings_lead": (
        (
            "Los avisos no impiden la carga: si el valor es correcto, explíquelo en la columna de notas y "
            "vuelva a enviar el archivo."
        ),
        (
            "Warnings do not block loading: if the value is right, explain it in the note column and send the "
            "file again."
        ),
        (
            "Os avisos não impedem a carga: se o valor estiver correto, explique-o na coluna de notas e envie "
            "o arquivo novamente."
        ),
        (
            "Les avertissements ne bloquent pas le chargement : si la valeur est juste, expliquez-la dans la "
            "colonne des notes et renvoyez le fichier."
        ),
    ),
    "row": ("Fila", "Row", "Linha", "Ligne"),
    "column": ("Columna", "Column", "Coluna", "Colonne"),
    "problem": ("Qué está mal", "What is wrong", "O que está errado", "Problème"),
    "how_to_fix": ("Cómo corregir", "How to fix", "Como corrigir", "Comment corriger"),
    "resubmit": (
        "Enviar una versión corregida",
        "Send a corrected file",
        "Enviar uma versão corrigida",
        "Envoyer un fichier corrigé",
    ),
    "diff_heading": (
        "{iso3} {year}: revisión {previous} y revisión {revision}",
        "{iso3} {year}: revision {previous} and revision {revision}",
        "{iso3} {year}: revisão {previous} e revisão {revision}",
        "{iso3} {year} : révision {previous} et révision {revision}",
    ),
    "diff_lead": (
        "{n} indicador(es) cambiaron (resaltados).",
        "{n} indicator(s) changed (highlighted).",
        "{n} indicador(es) mudaram (destacados).",
        "{n} indicateur(s) ont changé (surlignés).",
    ),
    "indicator": ("Indicador", "Indicator", "Indicador", "Indicateur"),
    "changed": ("Cambió", "Changed", "Mudou", "Modifié"),
    "value": ("Valor", "Value", "Valor", "Valeur"),
    "source": ("Fuente", "Source", "Fonte", "Source"),
    "note": ("Nota", "Note", "Nota", "Note"),
    "yes": ("sí", "yes", "sim", "oui"),
    "no": ("no", "no", "não", "non"),
    "history_heading": ("Historial", "History", "Histórico", "Historique"),
    "history_received": (
        "recibido de {who}",
        "received from {who}",
        "recebido de {who}",
        "reçu de {who}",
    ),
    "review_heading": (
        "Revisión de la Secretaría",
        "Secretariat review",
        "Revisão da Secretaria",
        "Révision du secrétariat",
    ),
    "comment": (
        "Comentario para el país",
        "Comment to the country",
        "Comentário para o país",
        "Commentaire au pays",
    ),
    "comment_help": (
        "Obligatorio para devolver: diga qué corregir.",
        "Required to return it: say what to fix.",
        "Obrigatório para devolver: diga o que corrigir.",
        "Obligatoire pour renvoyer : dites quoi corriger.",
    ),
    "approve": ("Aprobar", "Approve", "Aprovar", "Approuver"),
    "return": ("Devolver al país", "Return to the country", "Devolver ao país", "Renvoyer au pays"),
    "comment_needed": (
        "Para devolver un envío escriba un comentario que diga qué corregir.",
        "To return a submission, write a comment saying what to fix.",
        "Para devolver um envio, escreva um comentário dizendo o que corrigir.",
        "Pour renvoyer une soumission, écrivez un commentaire indiquant quoi corriger.",
    ),
    "done_approved": (
        "Envío {id} aprobado.",
        "Submission {id} approved.",
        "Envio {id} aprovado.",
        "Soumission {id} approuvée.",
    ),
    "done_returned": (
        "Envío {id} devuelto al país.",
        "Submission {id} returned to the country.",
        "Envio {id} devolvido ao país.",
        "Soumission {id} renvoyée au pays.",
    ),
    "coverage_title": (
        "Cobertura del ciclo {year}",
        "Coverage of the {year} cycle",
        "Cobertura do ciclo {year}",
        "Couverture du cycle {year}",
    ),
    "coverage_lead": (
        "{sent} de {total} países enviaron datos; faltan {missing}.",
        "{sent} of {total} countries have sent data; {missing} have not.",
        "{sent} de {total} países enviaram dados; faltam {missing}.",
        "{sent} pays sur {total} ont envoyé des données ; {missing} manquent.",
    ),
    "not_sent_heading": (
        "Sin envío ({n})",
        "Not sent yet ({n})",
        "Sem envio ({n})",
        "Pas encore envoyé ({n})",
    ),
    "not_sent": ("sin envío", "not sent", "sem envio", "pas d'envoi"),
    "publish_title": (
        "Publicar una versión",
        "Publish a release",
        "Publicar uma versão",
        "Publier une version",
    ),
    "publish_lead": (
        (
            "Una versión congela los valores aprobados y sus puntajes; no se modifica nunca. Una corrección es "
            "una versión nueva."
        ),
        (
            "A release freezes the approved values and their scores; it is never changed. A correction is a "
            "new release."
        ),
        (
            "Uma versão congela os valores aprovados e suas pontuações; nunca é modificada. Uma correção é uma "
            "nova versão."
        ),
        (
            "Une version fige les valeurs approuvées et leurs scores ; elle n'est jamais modifiée. Une "
            "correction est une nouvelle version."
        ),
    ),
    "waiting_review": (
        "{n} envío(s) aceptados esperan revisión y no entrarán en la versión.",
        "{n} accepted submission(s) await review and will not be in the release.",
        "{n} envio(s) aceitos aguardam revisão e não entrarão na versão.",
        "{n} soumission(s) acceptée(s) attendent une révision et ne seront pas dans la version.",
    ),
    "see_them": ("Verlos", "See them", "Ver", "Les voir"),
    "new_release": ("Nueva versión", "New release", "Nova versão", "Nouvelle version"),
    "release_label": ("Etiqueta", "Label", "Rótulo", "Libellé"),
    "release_label_help": (
        "Nombre en enlaces y citas, p. ej. 2025-1; sin espacios ni / ? # & %.",
        "Its name in links and citations, e.g. 2025-1; no spaces or / ? # & %.",
        "Nome em links e citações, p. ex. 2025-1; sem espaços nem / ? # & %.",
        "Son nom dans les liens et citations, p. ex. 2025-1 ; sans espaces ni / ? # & %.",
    ),
    "release_note": ("Nota", "Note", "Nota", "Note"),
    "publish": ("Publicar", "Publish", "Publicar", "Publier"),
    "published": (
        "Versión {label} publicada: {values} valores (SHA-256 {sha}…).",
        "Release {label} published: {values} values (SHA-256 {sha}…).",
        "Versão {label} publicada: {values} valores (SHA-256 {sha}…).",
        "Version {label} publiée : {values} valeurs (SHA-256 {sha}…).",
    ),
    "publish_refused": (
        "No se publicó nada: {reason}",
        "Nothing was published: {reason}",
        "Nada foi publicado: {reason}",
        "Rien n'a été publié : {reason}",
    ),
    "releases_heading": (
        "Versiones publicadas",
        "Published releases",
        "Versões publicadas",
        "Versions publiées",
    ),
    "published_at": ("Publicada", "Published", "Publicada", "Publiée le"),
    "by": ("Por", "By", "Por", "Par"),
    "values": ("Valores", "Values", "Valores", "Valeurs"),
    "no_releases": (
        "Todavía no hay versiones publicadas.",
        "No release has been published yet.",
        "Ainda não há versões publicadas.",
        "Aucune version publiée pour l'instant.",
    ),
    "audit_title": (
        "Registro de actividad",
        "Audit log",
        "Registro de atividade",
        "Journal d'activité",
    ),
    "audit_caption": (
        "Los {n} eventos más recientes",
        "The {n} most recent events",
        "Os {n} eventos mais recentes",
        "Les {n} événements les plus récents",
    ),
    "when": ("Cuándo", "When", "Quando", "Quand"),
    "actor": ("Quién", "Who", "Quem", "Qui"),
    "action": ("Acción", "Action", "Ação", "Action"),
    "target": ("Sobre", "On", "Sobre", "Objet"),
    "detail": ("Detalle", "Detail", "Detalhe", "Détail"),
    "address": ("Dirección IP", "IP address", "Endereço IP", "Adresse IP"),
    "audit_sign_in": ("inició sesión", "signed in", "entrou", "connexion"),
    "audit_sign_in_failed": (
        "intento fallido de inicio de sesión",
        "failed sign-in",
        "tentativa de entrada falha",
        "échec de connexion",
    ),
    "audit_sign_in_blocked": (
        "inicio de sesión bloqueado (demasiados intentos)",
        "sign-in blocked (too many attempts)",
        "entrada bloqueada (tentativas demais)",
        "connexion bloquée (trop de tentatives)",
    ),
    "audit_sign_out": ("cerró sesión", "signed out", "saiu", "déconnexion"),
    "audit_submission_accepted": (
        "archivo aceptado",
        "file accepted",
        "arquivo aceito",
        "fichier accepté",
    ),
    "audit_submission_rejected": (
        "archivo rechazado",
        "file rejected",
        "arquivo rejeitado",
        "fichier rejeté",
    ),
    "audit_upload_refused": (
        "envío rechazado (otro país)",
        "upload refused (another country)",
        "envio recusado (outro país)",
        "envoi refusé (autre pays)",
    ),
    "audit_submission_approved": (
        "envío aprobado",
        "submission approved",
        "envio aprovado",
        "soumission approuvée",
    ),
    "audit_submission_returned": (
        "envío devuelto",
        "submission returned",
        "envio devolvido",
        "soumission renvoyée",
    ),
    "audit_release_published": (
        "versión publicada",
        "release published",
        "versão publicada",
        "version publiée",
    ),
    "audit_account_added": ("cuenta creada", "account added", "conta criada", "compte créé"),
    "audit_account_disabled": (
        "cuenta desactivada",
        "account disabled",
        "conta desativada",
        "compte désactivé",
    ),
    "audit_password_reset": (
        "contraseña restablecida",
        "password reset",
        "senha redefinida",
        "mot de passe réinitialisé",
    ),
    "users_title": ("Cuentas", "Accounts", "Contas", "Comptes"),
    "users_lead": (
        "Las cuentas se gestionan en el servidor con `gealc users add|disable|reset-password|list`.",
        "Accounts are managed on the server with `gealc users add|disable|reset-password|list`.",
        "As contas são geridas no servidor com `gealc users add|disable|reset-password|list`.",
        "Les comptes se gèrent sur le serveur avec `gealc users add|disable|reset-password|list`.",
    ),
    "users_caption": ("{n} cuenta(s)", "{n} account(s)", "{n} conta(s)", "{n} compte(s)"),
    "role": ("Rol", "Role", "Papel", "Rôle"),
    "name": ("Nombre", "Name", "Nome", "Nom"),
    "active": ("Activa", "Active", "Ativa", "Actif"),
    "password_changed": (
        "Contraseña cambiada",
        "Password changed",
        "Senha alterada",
        "Mot de passe changé",
    ),
    "role_country": ("país", "country", "país", "pays"),
    "role_secretariat": ("Secretaría", "secretariat", "Secretaria", "secrétariat"),
    "role_admin": ("administración", "admin", "administração", "administration"),
    "csrf_title": (
        "El formulario caducó",
        "The form has expired",
        "O formulário expirou",
        "Le formulaire a expiré",
    ),
    "csrf_text": (
        (
            "Por seguridad, el formulario no se aceptó (su sesión cambió o caducó). Vuelva a la página, recárguela "
            "e intente de nuevo. No se guardó nada."
        ),
        (
            "For your security the form was not accepted (your session changed or expired). Go back, reload the "
            "page and try again. Nothing was stored."
        ),
        (
            "Por segurança, o formulário não foi aceito (sua sessão mudou ou expirou). Volte, recarregue a página "
            "e tente novamente. Nada foi gravado."
        ),
        (
            "Par sécurité, le formulaire n'a pas été accepté (votre session a changé ou expiré). Revenez, "
            "rechargez la page et réessayez. Rien n'a été enregistré."
        ),
    ),
    "too_large_title": (
        "Archivo demasiado grande",
        "File too large",
        "Arquivo grande demais",
        "Fichier trop volumineux",
    ),
    "too_large_text": (
        (
            "El archivo supera el límite de {limit_mb} MB y no se recibió. Una plantilla completa pesa "
            "mucho menos: envíe solo la plantilla, sin hojas ni imágenes añadidas."
        ),
        (
            "The file is over the {limit_mb} MB limit and was not received. A filled template is far "
            "smaller: send only the template, without added sheets or pictures."
        ),
        (
            "O arquivo ultrapassa o limite de {limit_mb} MB e não foi recebido. Um modelo preenchido é bem "
            "menor: envie só o modelo, sem planilhas ou imagens adicionadas."
        ),
        (
            "Le fichier dépasse la limite de {limit_mb} Mo et n'a pas été reçu. Un modèle rempli est bien "
            "plus léger : envoyez seulement le modèle, sans feuilles ni images ajoutées."
        ),
    ),
    "busy_title": (
        "Base de datos ocupada",
        "Warehouse busy",
        "Base de dados ocupada",
        "Base de données occupée",
    ),
    "busy_text": (
        "Otra tarea está escribiendo en la base de datos. No se guardó nada: intente de nuevo en un minuto.",
        "Another job is writing to the warehouse. Nothing was stored: try again in a minute.",
        "Outra tarefa está gravando na base de dados. Nada foi gravado: tente novamente em um minuto.",
        "Une autre tâche écrit dans la base de données. Rien n'a été enregistré : réessayez dans une minute.",
    ),
    "forbidden_title": ("Sin acceso", "No access", "Sem acesso", "Accès refusé"),
    "forbidden_text": (
        "Su cuenta no da acceso a esta página.",
        "Your account does not give access to this page.",
        "Sua conta não dá acesso a esta página.",
        "Votre compte ne donne pas accès à cette page.",
    ),
    "missing_title": ("No encontrado", "Not found", "Não encontrado", "Introuvable"),
    "missing_text": (
        "No existe o su cuenta no puede verlo.",
        "It does not exist, or your account cannot see it.",
        "Não existe ou sua conta não pode vê-lo.",
        "Cela n'existe pas, ou votre compte ne peut pas le voir.",
    ),
}


def words(key: str, lang: str, **fmt: object) -> str:
    """The text `key` in `lang` (Spanish for an unknown language), with `fmt` filled in."""
    text = TEXTS[key][LANGUAGES.index(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)]
    return text.format(**fmt) if fmt else text
