"""What the network measures: the indicator catalogue, the member countries and the scoring
method. Pure domain code: nothing here touches a database or a web page."""
