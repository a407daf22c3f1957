"""The KCC view: a page for the gemeente's phone desk (/kcc/) and the wegwijzer as a call script
(/kcc/belscript/). See data.py (the per-record KCC data the page loads), belscript.py (the call
script from the wegwijzer data) and pages.py (the page producer)."""
