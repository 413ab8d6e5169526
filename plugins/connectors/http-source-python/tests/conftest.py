import pytest
from json_server import JsonServer


@pytest.fixture
def server():
    json_server = JsonServer()
    yield json_server
    json_server.close()
