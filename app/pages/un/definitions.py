"""What each index of the UN E-Government Survey measures, in a sentence a reader can take from a
chart's Sources tab (the external-benchmarks page and the country profile's UN history)."""

from __future__ import annotations

from locales.messages import N_, t

# Each UN index by its code: what it measures and how it is built (all run from 0 to 1).
UN_DEFINITIONS = {
    "EGDI": N_(
        "EGDI (índice de desarrollo de gobierno electrónico): el promedio, con igual peso, del "
        "OSI, el HCI y el TII; va de 0 a 1."
    ),
    "OSI": N_(
        "OSI (índice de servicios en línea): la evaluación que hace la ONU del portal nacional y "
        "de los servicios en línea del gobierno; va de 0 a 1."
    ),
    "HCI": N_(
        "HCI (índice de capital humano): alfabetización de adultos, tasa bruta de matrícula y "
        "años de escolaridad esperados y promedio; va de 0 a 1."
    ),
    "TII": N_(
        "TII (índice de infraestructura de telecomunicaciones): personas que usan Internet y "
        "suscripciones de telefonía móvil y de banda ancha; va de 0 a 1."
    ),
    "EPI": N_(
        "EPI (índice de participación electrónica): cómo el gobierno informa, consulta e "
        "involucra en línea a la ciudadanía en sus decisiones; no forma parte del EGDI; va de 0 "
        "a 1."
    ),
}


def un_definitions(codes: list[str] | tuple[str, ...], lang: str) -> list[str]:
    """The definitions of the UN indices `codes`, in `lang`, in that order."""
    return [t(UN_DEFINITIONS[c.upper()], lang) for c in codes]
